"""Who may start a conversation with whom (community.chat.rules)."""

import pytest

from accounts.factories import UserFactory
from community.chat import factories, services
from community.chat.rules import can_message, contacts_for
from tests.roles import member_of


def test_learner_may_message_the_instructor_of_their_course(student, instructor):
    assert can_message(student, instructor)
    assert instructor in contacts_for(student)


def test_learner_may_not_message_the_instructor_of_another_course(student):
    _other_course, other_instructor = factories.course_with_instructor(title="Commercial")
    assert not can_message(student, other_instructor)


def test_learner_may_not_message_an_arbitrary_learner(student, stranger, course):
    classmate = factories.learner_in(course)
    assert not can_message(student, stranger)
    assert not can_message(student, classmate)
    with pytest.raises(services.ChatRefused) as refused:
        services.start_direct(student, stranger)
    assert refused.value.status == 403


def test_instructor_may_message_their_learners_but_not_others(instructor, student, stranger):
    assert can_message(instructor, student)
    assert list(contacts_for(instructor).filter(pk__in=[student.pk, stranger.pk])) == [student]


def test_dropped_enrollment_no_longer_counts(student, instructor, course):
    from learning.enrollments.services import leave

    leave(student, course)
    assert not can_message(student, instructor)


def test_everyone_may_message_staff_and_staff_anyone_who_signed_in(student, stranger, db):
    moderator = member_of("Moderators")
    assert can_message(stranger, moderator)
    assert not can_message(moderator, stranger)  # never signed in
    stranger.last_login = stranger.date_joined
    stranger.save(update_fields=["last_login"])
    assert can_message(moderator, stranger)


def test_a_block_either_way_refuses(student, instructor):
    services.block(instructor, student)
    assert not can_message(student, instructor)
    assert not can_message(instructor, student)
    services.unblock(instructor, student)
    assert can_message(student, instructor)


def test_inactive_users_are_never_contacts(student, instructor):
    instructor.is_active = False
    instructor.save(update_fields=["is_active"])
    assert not can_message(student, instructor)
    assert not contacts_for(instructor).exists()


def test_nobody_messages_themselves(student):
    assert not can_message(student, student)
    assert not can_message(student, UserFactory.build())
