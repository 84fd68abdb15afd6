"""The unit's activity feed and the task page name people (họ tên, else the user
name) and say in Vietnamese what was done."""

from datetime import date

from django.utils import translation

from regulations.planning.services.tasks import add_comment, report_progress, save_task


def _named(user, last, first):
    user.last_name, user.first_name = last, first
    user.save()
    return user


def _activity(world):
    staff = _named(world.users["chuyenvien"], "Đỗ Thị", "Hoa")
    leader = _named(world.users["lanhdao"], "Nguyễn Văn", "Hùng")
    task = world.tasks["cntt"]
    report_progress(
        task, staff, percent=40, content="Đã khảo sát hiện trạng.", reported_on=date(2017, 5, 2)
    )
    task.description = "Nội dung mới"
    save_task(task, staff)
    add_comment(task, leader, "Đề nghị đẩy nhanh tiến độ.")
    return task


def test_unit_activity_names_people_and_says_what_they_did(world, client):
    task = _activity(world)
    client.force_login(world.users["truongphong"])
    with translation.override("vi"):
        html = client.get("/admin/ke-hoach/").content.decode()
    recent = html[html.index('id="recent"') :]
    assert "Đỗ Thị Hoa" in recent and "Nguyễn Văn Hùng" in recent
    assert ">chuyenvien<" not in recent and ">lanhdao<" not in recent
    assert "Cập nhật nhiệm vụ" in recent
    assert "Edited" not in recent
    assert f'href="/admin/ke-hoach/nhiem-vu/{task.pk}/"' in recent


def test_task_page_names_the_reporter_and_the_commenter(world, client):
    task = _activity(world)
    client.force_login(world.users["truongphong"])
    html = client.get(f"/admin/ke-hoach/nhiem-vu/{task.pk}/").content.decode()
    assert "<td>Đỗ Thị Hoa</td>" in html
    assert "<strong>Nguyễn Văn Hùng</strong>" in html


def test_person_without_a_name_is_shown_by_user_name(world, client):
    task = world.tasks["cntt"]
    report_progress(task, world.users["chuyenvien"], percent=10, content="Bắt đầu.")
    client.force_login(world.users["truongphong"])
    html = client.get("/admin/ke-hoach/").content.decode()
    assert "<td>chuyenvien</td>" in html
