from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from cms.pages.demo import DEMO_ADMIN_PASSWORD, DEMO_ADMIN_USERNAME


class Command(BaseCommand):
    help = "Tạo (hoặc đặt lại) tài khoản quản trị mẫu và in thông tin đăng nhập."

    def handle(self, *args, **options):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_ADMIN_USERNAME,
            defaults={
                "email": "admin@example.com",
                "first_name": "Quản trị",
                "last_name": "hệ thống",
            },
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(DEMO_ADMIN_PASSWORD)
        user.save()
        verb = "Đã tạo" if created else "Đã có"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} quản trị mẫu — đăng nhập /admin/ với {DEMO_ADMIN_USERNAME} / "
                f"{DEMO_ADMIN_PASSWORD}"
            )
        )
