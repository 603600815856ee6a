"""Search URLs, included under /cari/ by the project's URLconf."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("saran/", views.suggest, name="search_suggest"),
]
