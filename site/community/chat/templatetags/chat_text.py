"""`{{ message.content|chat_text }}`: a message body as escaped text with clickable
links and its line breaks (community.chat.text)."""

from django import template

from community.chat.text import render

register = template.Library()


@register.filter(name="chat_text", is_safe=True)
def chat_text(value):
    return render(value)
