"""Certificate PDFs (placeholder until the certificates work lands)."""


def store_certificate_pdf(certificate_id):
    raise NotImplementedError
