"""GET /api/tracking/units/?plan=…: staff only; never leaks."""

from django.contrib.auth import get_user_model

URL = "/api/tracking/units/"


def test_anonymous_gets_401_without_data(world, client):
    response = client.get(URL, {"plan": "572/KH-STTTT"})
    assert response.status_code == 401
    assert "Phòng" not in response.content.decode()


def test_staff_without_role_gets_403_without_data(world, client):
    user = get_user_model().objects.create_user("khach", password="x-1234567", is_staff=True)
    client.force_login(user)
    response = client.get(URL, {"plan": "572/KH-STTTT"})
    assert response.status_code == 403
    assert "Phòng" not in response.content.decode()


def test_unit_list_for_a_plan(world, client):
    client.force_login(world.users["chuyenvien"])
    response = client.get(URL, {"plan": "572/kh-sttt".upper() + "T"})
    assert response.status_code == 200
    data = response.json()
    assert [row["unit"] for row in data] == [
        "Phòng Kế hoạch - Tài chính",
        "Phòng Công nghệ thông tin",
    ]
    for row in data:
        assert set(row) == {
            "unit",
            "total",
            "by_status",
            "overdue",
            "completed_late",
            "due_soon",
            "completion_rate",
        }
        assert sum(row["by_status"].values()) == row["total"]
        assert 0.0 <= row["completion_rate"] <= 1.0
    assert data[1]["overdue"] == 1


def test_unknown_plan_is_a_404_json_message(world, client):
    client.force_login(world.users["lanhdao"])
    response = client.get(URL, {"plan": "999/KH-XYZ"})
    assert response.status_code == 404
    assert "Không tìm thấy kế hoạch" in response.json()["detail"]
    assert client.get(URL).status_code == 400
