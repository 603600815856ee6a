"""Admin URLs of the regulations app (registered through the register_admin_urls hook)."""

from django.urls import path

from . import region_views, review_views, upload_views

urlpatterns = [
    path("regulations/<int:page_id>/tinjau/", review_views.review, name="regulations_review"),
    path(
        "regulations/<int:page_id>/halaman/<int:number>/potongan/",
        region_views.page_region,
        name="regulations_page_region",
    ),
    path(
        "regulations/<int:page_id>/catat-nasional/",
        review_views.create_national,
        name="regulations_create_national",
    ),
    path(
        "regulations/dokumen/<int:document_id>/ekstraksi-ulang/",
        review_views.reextract,
        name="regulations_reextract",
    ),
    path("regulations/unggah/", upload_views.upload, name="regulations_upload"),
    path(
        "regulations/unggah/<int:document_id>/", upload_views.upload_status, name="regulations_upload_status"
    ),
    path(
        "regulations/dokumen/<int:document_id>/pdf/",
        upload_views.document_pdf,
        name="regulations_document_pdf",
    ),
]
