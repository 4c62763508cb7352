from django.urls import path

from . import feeds, views

app_name = "following"

urlpatterns = [
    path("feeds/", feeds.EverythingFeed(), name="feed_all"),
    path("feeds/themes/<slug:slug>/", feeds.ThemeFeed(), name="feed_theme"),
    path("feeds/councils/<slug:slug>/", feeds.CouncilFeed(), name="feed_council"),
    path("feeds/projects/<int:pk>/", feeds.ProjectFeed(), name="feed_project"),
    path("feeds/help/", feeds.HelpRequestsFeed(), name="feed_help"),
    path("feeds/search/", feeds.SearchFeed(), name="feed_search"),
    path("feeds/<slug:kind>/", feeds.KindFeed(), name="feed_kind"),
    path("following/", views.following_list, name="list"),
    path("following/themes/<slug:slug>/", views.follow_theme, name="follow_theme"),
    path("following/councils/<slug:slug>/", views.follow_council, name="follow_council"),
    path("following/projects/<int:pk>/", views.follow_project, name="follow_project"),
    path("following/search/", views.follow_search, name="follow_search"),
    path("following/<int:pk>/unfollow/", views.unfollow, name="unfollow"),
]
