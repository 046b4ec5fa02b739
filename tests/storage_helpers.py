"""A local S3 stand-in for the storage tests: moto's server on 127.0.0.1, and STORAGES
built from the same environment variables a deployment sets (README).

``start_s3_server`` runs moto in a thread on a free port; ``s3_storages`` reads
config.settings.base again under AWS_* variables pointing at it, so the tests use the
STORAGES production would build, not a hand-written copy.
"""

import importlib
import secrets
import socket
import sys
import urllib.error
import urllib.request

S3_REGION = "us-east-1"
S3_KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
BASE_SETTINGS = "config.settings.base"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_s3_server():
    """moto's S3 server on 127.0.0.1 (a free port); returns (server, endpoint URL)."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    return server, f"http://127.0.0.1:{port}"


def s3_client(endpoint):
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=S3_REGION,
        aws_access_key_id=S3_KEYS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["AWS_SECRET_ACCESS_KEY"],
        config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
    )


def new_bucket(endpoint):
    name = f"gs-test-{secrets.token_hex(6)}"
    s3_client(endpoint).create_bucket(Bucket=name)
    return name


def s3_environment(endpoint, bucket):
    """What a deployment on an S3-compatible service sets (path-style, as MinIO)."""
    return {
        **S3_KEYS,
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": S3_REGION,
        "AWS_S3_ADDRESSING_STYLE": "path",
    }


def s3_storages(monkeypatch, environment):
    """STORAGES as config.settings.base builds it under ``environment`` (left set, for
    the storages' credentials, until monkeypatch undoes it)."""
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    original = sys.modules.pop(BASE_SETTINGS)
    try:
        return importlib.import_module(BASE_SETTINGS).STORAGES
    finally:
        sys.modules[BASE_SETTINGS] = original
        sys.modules["config.settings"].base = original


def fetch(url):
    """GET ``url`` with no credentials at all: (status, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our test server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
