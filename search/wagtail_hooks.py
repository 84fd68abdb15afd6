from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("tim-kiem-van-ban/", views.admin_search, name="search_admin")]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(_("Tìm kiếm văn bản"), reverse("search_admin"), icon_name="search", order=250)
