"""A cluster secured as production runs it: TLS with our own CA and a password.

Runs on the cluster of the environment when it has credentials (CI's secured job),
else on a local `tools/elasticsearch start --secure` node.
"""

import uuid

import pytest

from search import service
from search.engines import set_engine
from search.engines.base import SearchUnavailable
from search.engines.elastic import ElasticsearchEngine, make_client
from search.jobs import deliver_outbox
from search.models import SearchOutbox

from .conftest import drop_indexes
from .factories import legal_document


@pytest.fixture
def secured_engine(secure_es_config, db):
    engine = ElasticsearchEngine(
        make_client(secure_es_config),
        prefix=f"test{uuid.uuid4().hex[:10]}",
        refresh_on_write=True,
    )
    previous = set_engine(engine)
    yield engine
    set_engine(previous)
    drop_indexes(engine)


def test_tls_and_password_index_and_search(secured_engine, django_capture_on_commit_callbacks):
    assert secured_engine.client.transport.node_pool.get().base_url.startswith("https://")
    with django_capture_on_commit_callbacks(execute=True):
        legal_document("Quy chế bảo mật hệ thống thông tin", "5/QĐ-STTTT")
    assert not SearchOutbox.objects.exists()
    assert service.search("quy che bao mat").count == 1


def test_a_wrong_password_is_named_and_no_save_is_lost(
    secured_engine, secure_es_config, django_capture_on_commit_callbacks
):
    wrong = ElasticsearchEngine(
        make_client({**secure_es_config, "PASSWORD": "not-the-password"}),
        prefix=secured_engine.prefix,
        refresh_on_write=True,
    )
    with pytest.raises(SearchUnavailable) as refused:
        wrong.check_node()
    assert "ELASTICSEARCH_PASSWORD" in str(refused.value)
    assert "Traceback" not in str(refused.value)

    set_engine(wrong)
    with django_capture_on_commit_callbacks(execute=True):
        legal_document("Quy chế quản lý tài sản công", "6/QĐ-STTTT")  # the save succeeds
    backlog = SearchOutbox.objects.count()
    assert backlog >= 1
    assert "thông tin đăng nhập" in SearchOutbox.objects.order_by("id").first().last_error

    set_engine(secured_engine)  # the password is fixed: the backlog drains
    assert deliver_outbox(force=True)["delivered"] == backlog
    assert service.search("quan ly tai san cong").count == 1
