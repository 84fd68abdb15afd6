"""Vietnamese public holidays 2017-2019 (civil servants' calendar), as editable data.

Sources (checked against the yearly notices of the Ministry of Labour, Invalids and
Social Affairs and the Prime Minister's decisions on swapping working days, as far as
they could be verified offline): Labour Code 2012 art. 115 (Tết Dương lịch 1 day,
Tết Nguyên đán 5 days, Giỗ Tổ 10/3 âm lịch, 30/4, 1/5, 2/9); when a holiday falls on a
weekend the next working day is off in lieu (nghỉ bù). The Saturday make-up day of
5/1/2019 compensates the Monday 31/12/2018 taken off (hoán đổi).
The migration 0002 and the demo both load this list with update_or_create, so a date
corrected in the admin is kept unless its row is deleted.
"""

from datetime import date

HOLIDAY, EXTRA, MAKE_UP = "le_tet", "nghi_bu", "lam_bu"

VIETNAMESE_HOLIDAYS = [
    # 2017
    (date(2017, 1, 1), "Tết Dương lịch", HOLIDAY),
    (date(2017, 1, 2), "Nghỉ bù Tết Dương lịch (1/1 là Chủ nhật)", EXTRA),
    (date(2017, 1, 26), "Tết Nguyên đán Đinh Dậu (29 tháng Chạp)", HOLIDAY),
    (date(2017, 1, 27), "Tết Nguyên đán Đinh Dậu (30 Tết)", HOLIDAY),
    (date(2017, 1, 28), "Tết Nguyên đán Đinh Dậu (mùng 1)", HOLIDAY),
    (date(2017, 1, 29), "Tết Nguyên đán Đinh Dậu (mùng 2)", HOLIDAY),
    (date(2017, 1, 30), "Tết Nguyên đán Đinh Dậu (mùng 3)", HOLIDAY),
    (date(2017, 1, 31), "Nghỉ bù Tết Nguyên đán (mùng 4)", EXTRA),
    (date(2017, 2, 1), "Nghỉ bù Tết Nguyên đán (mùng 5)", EXTRA),
    (date(2017, 4, 6), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HOLIDAY),
    (date(2017, 4, 30), "Ngày Giải phóng miền Nam, thống nhất đất nước", HOLIDAY),
    (date(2017, 5, 1), "Ngày Quốc tế Lao động", HOLIDAY),
    (date(2017, 5, 2), "Nghỉ bù ngày 30/4 (Chủ nhật)", EXTRA),
    (date(2017, 9, 2), "Quốc khánh", HOLIDAY),
    (date(2017, 9, 4), "Nghỉ bù Quốc khánh (2/9 là thứ Bảy)", EXTRA),
    # 2018
    (date(2018, 1, 1), "Tết Dương lịch", HOLIDAY),
    (date(2018, 2, 14), "Tết Nguyên đán Mậu Tuất (29 tháng Chạp)", HOLIDAY),
    (date(2018, 2, 15), "Tết Nguyên đán Mậu Tuất (30 Tết)", HOLIDAY),
    (date(2018, 2, 16), "Tết Nguyên đán Mậu Tuất (mùng 1)", HOLIDAY),
    (date(2018, 2, 17), "Tết Nguyên đán Mậu Tuất (mùng 2)", HOLIDAY),
    (date(2018, 2, 18), "Tết Nguyên đán Mậu Tuất (mùng 3)", HOLIDAY),
    (date(2018, 2, 19), "Nghỉ bù Tết Nguyên đán (mùng 4)", EXTRA),
    (date(2018, 2, 20), "Nghỉ bù Tết Nguyên đán (mùng 5)", EXTRA),
    (date(2018, 4, 25), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HOLIDAY),
    (date(2018, 4, 30), "Ngày Giải phóng miền Nam, thống nhất đất nước", HOLIDAY),
    (date(2018, 5, 1), "Ngày Quốc tế Lao động", HOLIDAY),
    (date(2018, 9, 2), "Quốc khánh", HOLIDAY),
    (date(2018, 9, 3), "Nghỉ bù Quốc khánh (2/9 là Chủ nhật)", EXTRA),
    (date(2018, 12, 31), "Nghỉ hoán đổi dịp Tết Dương lịch 2019 (làm bù thứ Bảy 5/1/2019)", EXTRA),
    # 2019 (start): the make-up Saturday for 31/12/2018
    (date(2019, 1, 1), "Tết Dương lịch", HOLIDAY),
    (date(2019, 1, 5), "Làm bù cho ngày nghỉ 31/12/2018", MAKE_UP),
]


def seed_holidays(holiday_model) -> int:
    """Create the rows that are missing (never overwrite an admin's correction)."""
    created = 0
    for day, name, kind in VIETNAMESE_HOLIDAYS:
        _obj, was_created = holiday_model.objects.get_or_create(
            date=day, defaults={"name": name, "kind": kind, "year": day.year}
        )
        created += was_created
    return created
