"""Demo data: survey answers over the four quarters of 2017 and two feedback messages."""

from regulations.feedback import demo as feedback_demo
from regulations.feedback.models import Feedback
from regulations.surveys import demo as surveys_demo
from regulations.surveys.models import Answer, SurveyResponse
from regulations.surveys.services.index import satisfaction_report, satisfaction_trend


class _Out:
    def write(self, *args):
        pass


def test_demo_is_realistic_and_idempotent(demo_site):
    responses, answers = SurveyResponse.objects.count(), Answer.objects.count()
    assert responses == surveys_demo.RESPONSES
    assert [p.quarter for p in satisfaction_trend()] == [
        "2017-Q1",
        "2017-Q2",
        "2017-Q3",
        "2017-Q4",
    ]
    overall = satisfaction_report().overall
    assert 0.75 < overall < 0.85
    assert Feedback.objects.count() == 2
    assert Feedback.objects.answered().count() == 1

    surveys_demo.load(_Out())
    feedback_demo.load(_Out())
    assert (SurveyResponse.objects.count(), Answer.objects.count()) == (responses, answers)
    assert Feedback.objects.count() == 2


def test_demo_publishes_only_its_answered_feedback(demo_site):
    assert list(Feedback.objects.public()) == list(Feedback.objects.answered())
