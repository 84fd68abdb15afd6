"""Background jobs (django-tasks): e-mail an issued apology letter to an online applicant."""

from django.core.mail import EmailMessage
from django_tasks import task

from regulations.wordio.blocks import DOCX_CONTENT_TYPE, document_bytes
from vietnamese.dates import short_date

from .models import ApologyLetter
from .services.letter_docx import letter_document, letter_filename


@task()
def email_letter(letter_id: int) -> int:
    """Send the letter (.docx attached) to the applicant's e-mail; returns messages sent."""
    letter = ApologyLetter.objects.select_related("dossier__procedure").filter(pk=letter_id).first()
    if letter is None or not letter.dossier.applicant_email:
        return 0
    dossier = letter.dossier
    body = (
        f"Kính gửi {letter.addressee_name},\n\n"
        f"Hồ sơ {dossier.code} ({dossier.procedure.name}) chưa có kết quả đúng hẹn "
        f"{short_date(letter.original_appointment_date)}. Lý do: {letter.reason}\n"
        f"Cơ quan xin lỗi Ông/Bà và hẹn lại ngày trả kết quả: "
        f"{short_date(letter.new_appointment_date)}.\n\n"
        f"Phiếu xin lỗi số {letter.number_symbol} được gửi kèm thư này."
    )
    message = EmailMessage(
        subject=f"Phiếu xin lỗi và hẹn lại ngày trả kết quả – hồ sơ {dossier.code}",
        body=body,
        to=[dossier.applicant_email],
    )
    message.attach(
        letter_filename(letter), document_bytes(letter_document(letter)), DOCX_CONTENT_TYPE
    )
    return message.send()
