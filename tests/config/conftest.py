"""Fixtures for the storage tests: a moto S3 server for the whole run (started only
when a test asks for it) and STORAGES pointing at a fresh bucket on it."""

from dataclasses import dataclass

import pytest

from tests.storage_helpers import (
    fetch,
    new_bucket,
    s3_environment,
    s3_storages,
    start_s3_server,
)


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on 127.0.0.1 and a free port, stopped after the run."""
    server, endpoint = start_s3_server()
    yield endpoint
    server.stop()


@dataclass
class S3Bucket:
    endpoint: str
    name: str

    def object_url(self, key):
        """The plain (unsigned) URL of an object, as a stranger would try it."""
        return f"{self.endpoint}/{self.name}/{key}"

    def anonymous_get(self, key):
        return fetch(self.object_url(key))

    def keys(self):
        from tests.storage_helpers import s3_client

        listing = s3_client(self.endpoint).list_objects_v2(Bucket=self.name)
        return [item["Key"] for item in listing.get("Contents", [])]


@pytest.fixture
def s3_media(settings, monkeypatch, s3_endpoint):
    """Media on a fresh bucket of the moto server, configured as a deployment would
    (AWS_* variables read by config.settings.base)."""
    bucket = new_bucket(s3_endpoint)
    settings.STORAGES = s3_storages(monkeypatch, s3_environment(s3_endpoint, bucket))
    return S3Bucket(s3_endpoint, bucket)
