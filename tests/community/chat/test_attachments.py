"""Attachments: type read from the bytes, size limited, nothing left behind on refusal."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from community.chat import services
from community.chat.models import Conversation, Message
from community.chat.services import ChatRefused


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()]


def test_an_image_is_stored_with_its_sniffed_type(chat_media, conversation, student):
    upload = SimpleUploadedFile("chart.html", png_bytes(), content_type="text/html")
    message = services.send_message(student, conversation, attachment=upload)
    assert message.attachment_type == "image/png"
    assert message.attachment_name == "chart.png"
    assert message.is_image
    assert message.content == ""
    assert len(stored_files(chat_media)) == 1


def test_text_and_pdf_documents_are_accepted(chat_media, conversation, student):
    notes = SimpleUploadedFile("notes.txt", b"V-speeds: Vx 62, Vy 74\n")
    pdf = SimpleUploadedFile("poh.pdf", b"%PDF-1.4\n%...\n")
    assert (
        services.send_message(student, conversation, attachment=notes).attachment_type
        == "text/plain"
    )
    assert (
        services.send_message(student, conversation, attachment=pdf).attachment_type
        == "application/pdf"
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"<html><script>alert(1)</script>" + b"\x00" * 10),
        ("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("archive.docx", b"PK\x03\x04not really a zip"),
        ("empty.txt", b""),
    ],
)
def test_a_file_of_another_type_is_refused_and_nothing_stored(
    chat_media, conversation, student, name, data
):
    with pytest.raises(ChatRefused) as refused:
        services.send_message(
            student, conversation, content="see", attachment=SimpleUploadedFile(name, data)
        )
    assert refused.value.status == 400
    assert not Message.objects.exists()
    assert stored_files(chat_media) == []


def test_an_oversized_file_is_refused(settings, chat_media, conversation, student):
    settings.CHAT_ATTACHMENT_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.txt", b"a" * 2048)
    with pytest.raises(ChatRefused) as refused:
        services.send_message(student, conversation, attachment=upload)
    assert refused.value.status == 400
    assert "too large" in refused.value.message
    assert not Message.objects.exists()
    assert stored_files(chat_media) == []


def test_an_archived_conversation_keeps_no_attachment(
    chat_media, conversation, student, instructor
):
    first = services.send_message(instructor, conversation, content="hi")
    Conversation.objects.filter(pk=conversation.pk).update(archived=True)
    upload = SimpleUploadedFile("chart.png", png_bytes())
    with pytest.raises(ChatRefused):
        services.send_message(student, conversation, attachment=upload)
    assert list(Message.objects.all()) == [first]
    assert stored_files(chat_media) == []
