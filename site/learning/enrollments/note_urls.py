"""Notes and bookmarks URLs: private to each learner."""

urlpatterns = []
