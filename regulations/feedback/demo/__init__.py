"""Demo feedback: two messages from 2017, one answered by the unit, one still open."""

from datetime import datetime

from django.utils import timezone

from regulations.organisation.models import Unit

from .models import Feedback, FeedbackStatus
from .services.deadline import answer_deadline

MESSAGES = [
    {
        "reference": "PA-2017-0001",
        "submitted_at": datetime(2017, 5, 15, 9, 30),
        "unit": "buu-chinh-vien-thong",
        "name": "Nguyễn Văn An",
        "contact": "0912 345 678",
        "subject": "Giấy hẹn trả kết quả ghi sai ngày",
        "message": "Tôi nộp hồ sơ ngày 15/5/2017, giấy hẹn ghi ngày trả kết quả trùng ngày "
        "nghỉ. Đề nghị kiểm tra lại.",
        "answer": "Phòng Bưu chính, Viễn thông đã kiểm tra: giấy hẹn được in nhầm ngày. "
        "Bộ phận Một cửa đã cấp lại giấy hẹn đúng ngày làm việc và xin lỗi Quý khách. "
        "Từ tháng 6/2017, ngày hẹn được tính tự động theo lịch làm việc.",
        "answered_at": datetime(2017, 5, 22, 15, 0),
    },
    {
        "reference": "PA-2017-0002",
        "submitted_at": datetime(2017, 11, 20, 14, 10),
        "unit": "bao-chi-xuat-ban",
        "name": "",
        "contact": "",
        "subject": "Đề nghị niêm yết rõ mẫu tờ khai giấy phép xuất bản bản tin",
        "message": "Mẫu tờ khai niêm yết ở Bộ phận Một cửa là mẫu cũ, không khớp với mẫu "
        "trên Cổng thông tin.",
        "answer": "",
        "answered_at": None,
    },
]


def load(out):
    for item in MESSAGES:
        submitted = timezone.make_aware(item["submitted_at"])
        answered = timezone.make_aware(item["answered_at"]) if item["answered_at"] else None
        Feedback.objects.update_or_create(
            reference=item["reference"],
            defaults={
                "submitted_at": submitted,
                "unit": Unit.objects.filter(code=item["unit"]).first(),
                "name": item["name"],
                "contact": item["contact"],
                "subject": item["subject"],
                "message": item["message"],
                "deadline": answer_deadline(submitted),
                "status": FeedbackStatus.ANSWERED if answered else FeedbackStatus.IN_PROGRESS,
                "answer": item["answer"],
                "answered_at": answered,
                # The answered demo message counts as reviewed by staff, so the public
                # list and the a11y detail page have one item.
                "published": answered is not None,
                "notified_at": submitted,
            },
        )
    return f"{Feedback.objects.count()} phản ánh ({Feedback.objects.answered().count()} đã trả lời)"
