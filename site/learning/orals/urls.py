"""URLs filled in by the feature work."""

urlpatterns = []
