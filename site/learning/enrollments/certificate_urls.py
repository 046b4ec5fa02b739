"""Certificate URLs: public verification and the holder's PDF."""

urlpatterns = []
