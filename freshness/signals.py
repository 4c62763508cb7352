from django.dispatch import Signal

# Sent with `page` and `user` once a page has been marked reviewed (home's page cache listens).
page_reviewed = Signal()
