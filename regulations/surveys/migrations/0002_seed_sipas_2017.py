"""Seed the SIPAS 2017 method: the five factors, their criteria and the five-point scale.

Edit them in the admin afterwards; a later method is a new row, not a code change.
"""

import datetime

from django.db import migrations

METHOD = {
    "name": "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS 2017)",
    "decision": "Quyết định số 2640/QĐ-BNV ngày 10/10/2017 của Bộ Nội vụ; "
    "Quyết định số 359/QĐ-UBND ngày 18/01/2017 của UBND thành phố Hà Nội",
    "valid_from": datetime.date(2017, 1, 1),
}

SCALE = [
    (5, "Rất hài lòng"),
    (4, "Hài lòng"),
    (3, "Bình thường"),
    (2, "Không hài lòng"),
    (1, "Rất không hài lòng"),
]

FACTORS = [
    (
        "tiep-can",
        "Tiếp cận dịch vụ hành chính công",
        [
            ("ghe-cho", "Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi"),
            ("thiet-bi-day-du", "Trang thiết bị phục vụ tại Bộ phận Một cửa đầy đủ"),
            ("thiet-bi-hien-dai", "Trang thiết bị phục vụ tại Bộ phận Một cửa hiện đại"),
            ("thiet-bi-de-dung", "Trang thiết bị phục vụ tại Bộ phận Một cửa dễ sử dụng"),
        ],
    ),
    (
        "thu-tuc",
        "Thủ tục hành chính",
        [
            ("niem-yet-day-du", "Thủ tục hành chính được niêm yết công khai đầy đủ"),
            ("niem-yet-chinh-xac", "Thủ tục hành chính được niêm yết công khai chính xác"),
            ("thanh-phan-ho-so", "Thành phần hồ sơ phải nộp đúng quy định"),
            ("phi-le-phi", "Phí, lệ phí phải nộp đúng quy định"),
            ("thoi-han", "Thời hạn giải quyết ghi trên giấy hẹn đúng quy định"),
            (
                "so-lan-di-lai",
                "Số lần phải đi lại để giải quyết hồ sơ hợp lý "
                "(không quá một lần nộp và một lần nhận kết quả)",
            ),
        ],
    ),
    (
        "cong-chuc",
        "Công chức trực tiếp giải quyết công việc",
        [
            ("lich-su", "Công chức có thái độ giao tiếp lịch sự"),
            ("lang-nghe", "Công chức chú ý lắng nghe ý kiến của người dân, tổ chức"),
            ("giai-thich", "Công chức trả lời, giải thích đầy đủ các ý kiến"),
            ("huong-dan", "Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu"),
            ("dung-quy-dinh", "Công chức tuân thủ đúng quy định trong giải quyết công việc"),
        ],
    ),
    (
        "ket-qua",
        "Kết quả giải quyết thủ tục hành chính",
        [
            ("dung-quy-dinh", "Kết quả nhận được đúng quy định"),
            ("thong-tin-chinh-xac", "Kết quả có thông tin đầy đủ, chính xác"),
            ("dung-hen", "Nhận kết quả đúng ngày hẹn trả"),
            (
                "xin-loi-tre-hen",
                "Khi trễ hẹn, được thông báo và nhận thư xin lỗi, hẹn lại ngày trả kết quả",
            ),
        ],
    ),
    (
        "gop-y",
        "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
        [
            ("co-hinh-thuc", "Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị"),
            ("de-thuc-hien", "Việc góp ý, phản ánh, kiến nghị dễ dàng thực hiện"),
            ("tiep-nhan-tich-cuc", "Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh"),
            ("tra-loi-kip-thoi", "Cơ quan thông báo kết quả xử lý phản ánh, kiến nghị kịp thời"),
        ],
    ),
]


def seed(apps, schema_editor):
    SurveyMethod = apps.get_model("surveys", "SurveyMethod")
    ScaleOption = apps.get_model("surveys", "ScaleOption")
    Factor = apps.get_model("surveys", "Factor")
    Criterion = apps.get_model("surveys", "Criterion")
    method, _ = SurveyMethod.objects.get_or_create(
        name=METHOD["name"],
        defaults={"decision": METHOD["decision"], "valid_from": METHOD["valid_from"]},
    )
    for order, (value, label) in enumerate(SCALE):
        ScaleOption.objects.update_or_create(
            method=method, value=value, defaults={"label": label, "sort_order": order}
        )
    for f_order, (code, name, criteria) in enumerate(FACTORS, 1):
        factor, _ = Factor.objects.update_or_create(
            method=method, code=code, defaults={"name": name, "sort_order": f_order}
        )
        for c_order, (c_code, text) in enumerate(criteria):
            Criterion.objects.update_or_create(
                factor=factor, code=c_code, defaults={"text": text, "sort_order": c_order}
            )


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
