"""What a finished review does (``WAGTAIL_FINISH_WORKFLOW_ACTION``): publish the approved revision.

Wagtail's default publishes *as the last approver* and so demands that approver's "publish" right.
Here the approval itself is the authority: the Kepala Bagian Hukum and the Bagian Organisasi hold no
page right and cannot publish anything outside a review, and the editor who submitted never could.
Wagtail imports this module while it loads its models, so it imports nothing.
"""


def publish_approved(workflow_state, user=None):
    """Publish the latest revision of the approved page, logged as published by the last approver."""
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
