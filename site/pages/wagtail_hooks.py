"""Wagtail admin hooks for media: the admin API lists only the images and documents the
user has rights on.

Wagtail's admin API (/admin/api/main/images/, .../documents/) answers every admin user
with every image and document outside a privacy-restricted collection, whatever their
collection permissions, so a marketer could read the titles and file names of learners'
private card pictures (see collections.py). These endpoints replace Wagtail's own ones
(registered after them, hence the order) and narrow them as the image and document
choosers are narrowed: to what the user may choose, change or delete.
"""

from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

MEDIA_ACTIONS = ["choose", "change", "delete"]


class PermittedMediaMixin:
    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        permitted = policy.instances_user_has_any_permission_for(self.request.user, MEDIA_ACTIONS)
        return super().get_queryset().filter(pk__in=permitted.values("pk"))


class PermittedImagesAdminAPIViewSet(PermittedMediaMixin, ImagesAdminAPIViewSet):
    pass


class PermittedDocumentsAdminAPIViewSet(PermittedMediaMixin, DocumentsAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=100)
def narrow_media_api(router):
    router.register_endpoint("images", PermittedImagesAdminAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAdminAPIViewSet)
