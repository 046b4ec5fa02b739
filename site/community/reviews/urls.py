"""Review URLs: write, edit, delete and vote."""

urlpatterns = []
