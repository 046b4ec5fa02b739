"""Course certificates: issuing and revoking them, their PDF, public verification, the
holder's download and the Wagtail admin listing."""
