"""Who counts as staff is decided by Wagtail's admin permission, answered from cached
permission sets (accounts.standing): the same answer as Django's own check for every
role, no query on a warm page view, and a change of groups or rights shows at once."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser, Group, Permission

import pytest

from accounts.factories import UserFactory
from accounts.standing import ADMIN_ACCESS, is_staff_member
from accounts.tiers import Tier, tier_for
from tests.roles import ROLE_FACTORIES

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as the next request loads it (tier and permissions are per object)."""
    return get_user_model().objects.get(pk=user.pk)


def django_says(user):
    """Django's own answer, from the database, with no cache of ours."""
    user = fresh(user)
    return user.is_active and (user.is_superuser or ModelBackend().has_perm(user, ADMIN_ACCESS))


def access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


@pytest.mark.parametrize("role", sorted(ROLE_FACTORIES))
def test_every_role_keeps_its_standing(role):
    user = ROLE_FACTORIES[role]()
    expected = role != "learner"
    assert django_says(user) is expected
    for _ in range(2):  # computed, then from the cache
        assert is_staff_member(fresh(user)) is expected
        assert (tier_for(fresh(user)) == Tier.STAFF) is expected


def test_guests_and_inactive_staff_are_not_staff():
    assert not is_staff_member(AnonymousUser())
    instructor = ROLE_FACTORIES["instructor"]()
    assert is_staff_member(fresh(instructor))
    instructor.is_active = False
    instructor.save()
    assert not is_staff_member(fresh(instructor))
    admin = ROLE_FACTORIES["admin"]()
    admin.is_active = False
    admin.save()
    assert not is_staff_member(fresh(admin))


def test_a_warm_standing_and_the_user_bar_check_ask_the_database_nothing(
    django_assert_num_queries,
):
    learner, instructor = UserFactory(), ROLE_FACTORIES["instructor"]()
    is_staff_member(fresh(learner)), is_staff_member(fresh(instructor))
    learner, instructor = fresh(learner), fresh(instructor)
    with django_assert_num_queries(0):
        assert not is_staff_member(learner)
        assert not learner.has_perm(ADMIN_ACCESS)  # what Wagtail's user bar asks
        assert is_staff_member(instructor)
        assert instructor.has_perm("assessments.change_assessment")
        assert not instructor.has_perm("flashcards.delete_flashcardcategory")


def test_joining_and_leaving_a_staff_group_shows_on_the_next_request():
    user = UserFactory()
    assert not is_staff_member(fresh(user))
    moderators = Group.objects.get(name="Moderators")
    user.groups.add(moderators)
    assert is_staff_member(fresh(user))
    user.groups.remove(moderators)
    assert not is_staff_member(fresh(user))
    moderators.user_set.add(user)  # from the group's side
    assert is_staff_member(fresh(user))
    user.groups.clear()
    assert not is_staff_member(fresh(user))


def test_a_group_losing_admin_access_or_being_deleted_takes_standing_away():
    user = UserFactory()
    group = Group.objects.create(name="Helpers")
    group.permissions.add(access_admin())
    user.groups.add(group)
    assert is_staff_member(fresh(user))
    group.permissions.remove(access_admin())
    assert not is_staff_member(fresh(user))
    group.permissions.add(access_admin())
    assert is_staff_member(fresh(user))
    group.delete()
    assert not is_staff_member(fresh(user))


def test_a_permission_given_to_the_user_directly_counts():
    user = UserFactory()
    assert not is_staff_member(fresh(user))
    user.user_permissions.add(access_admin())
    assert is_staff_member(fresh(user))
    user.user_permissions.remove(access_admin())
    assert not is_staff_member(fresh(user))


def test_one_users_standing_is_never_anothers():
    staff, learner = ROLE_FACTORIES["marketer"](), UserFactory()
    assert is_staff_member(fresh(staff))
    assert not is_staff_member(fresh(learner))
    assert is_staff_member(fresh(staff))
