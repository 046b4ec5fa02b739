"""Site URLs of this part."""

urlpatterns = []
