"""S3 (or S3-compatible) backends for the ``public`` and ``private`` storage aliases.

Imported only when AWS_STORAGE_BUCKET_NAME is set (STORAGES names these classes by
path), so a local setup never loads boto3.
"""

from django.core.exceptions import ImproperlyConfigured

from storages.backends.s3 import S3Storage

from .storage import url_seconds


class PublicS3Storage(S3Storage):
    """Public media: plain URLs (or the CDN's custom domain); objects are readable by
    anyone through their ACL (AWS_PUBLIC_ACL) or a bucket policy on the public prefix."""

    querystring_auth = False
    file_overwrite = False


class PrivateS3Storage(S3Storage):
    """Private files: no public ACL, and URLs presigned for PRIVATE_MEDIA_URL_SECONDS,
    never through a custom (CDN) domain, which cannot presign them."""

    querystring_auth = True
    default_acl = None
    custom_domain = None
    file_overwrite = False

    def __init__(self, **options):
        refused = {"querystring_auth", "default_acl", "custom_domain"} & set(options)
        if refused:
            raise ImproperlyConfigured(f"The private S3 storage cannot set {sorted(refused)}.")
        options.setdefault("querystring_expire", url_seconds())
        super().__init__(**options)
