"""Demo content: the department's procedure set (bộ thủ tục hành chính) as data.

Codes, decision numbers, fees and processing times are illustrative demo values in
the national formats, not copies of the official procedure database.
"""

ANNOUNCING_DECISION = {
    "number_symbol": "1507/QĐ-UBND",
    "title": "Quyết định về việc công bố bộ thủ tục hành chính thuộc thẩm quyền giải quyết "
    "của Sở Thông tin và Truyền thông thành phố Hà Nội",
    "summary": "Công bố bộ thủ tục hành chính trong các lĩnh vực báo chí; xuất bản, in và "
    "phát hành; bưu chính; viễn thông và Internet; phát thanh, truyền hình và thông tin "
    "điện tử; công nghệ thông tin thuộc thẩm quyền giải quyết của Sở Thông tin và Truyền "
    "thông thành phố Hà Nội.",
    "issued": (2017, 3, 14),
    "effective": (2017, 3, 14),
    "signer_title": "Phó Chủ tịch",
}
AMENDING_DECISION = {
    "number_symbol": "4830/QĐ-UBND",
    "title": "Quyết định về việc công bố thủ tục hành chính được sửa đổi, bổ sung trong "
    "lĩnh vực báo chí, xuất bản thuộc thẩm quyền giải quyết của Sở Thông tin và Truyền "
    "thông thành phố Hà Nội",
    "summary": "Công bố thủ tục hành chính được sửa đổi, bổ sung (rút ngắn thời hạn giải "
    "quyết, giảm thành phần hồ sơ) trong lĩnh vực báo chí, xuất bản.",
    "issued": (2018, 8, 20),
    "effective": (2018, 9, 1),
    "signer_title": "Phó Chủ tịch",
}

# Referenced normative documents: (number/symbol, type, issuer code, issuer name, title,
# issued, effective, field, articles cited by the demo procedures).
NORMATIVE = [
    (
        "103/2016/QH13",
        "Luật",
        "QH",
        "Quốc hội",
        "Luật Báo chí",
        (2016, 4, 5),
        (2017, 1, 1),
        "Báo chí",
        ["35"],
    ),
    (
        "19/2012/QH13",
        "Luật",
        "QH",
        "Quốc hội",
        "Luật Xuất bản",
        (2012, 11, 20),
        (2013, 7, 1),
        "Xuất bản",
        ["25", "32"],
    ),
    (
        "49/2010/QH12",
        "Luật",
        "QH",
        "Quốc hội",
        "Luật Bưu chính",
        (2010, 6, 17),
        (2011, 1, 1),
        "Bưu chính",
        [],
    ),
    (
        "67/2006/QH11",
        "Luật",
        "QH",
        "Quốc hội",
        "Luật Công nghệ thông tin",
        (2006, 6, 29),
        (2007, 1, 1),
        "Công nghệ thông tin",
        [],
    ),
    (
        "72/2013/NĐ-CP",
        "Nghị định",
        "CP",
        "Chính phủ",
        "Nghị định quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng",
        (2013, 7, 15),
        (2013, 9, 1),
        "Viễn thông",
        ["23"],
    ),
    (
        "195/2013/NĐ-CP",
        "Nghị định",
        "CP",
        "Chính phủ",
        "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xuất bản",
        (2013, 11, 21),
        (2014, 1, 15),
        "Xuất bản",
        [],
    ),
    (
        "60/2014/NĐ-CP",
        "Nghị định",
        "CP",
        "Chính phủ",
        "Nghị định quy định về hoạt động in",
        (2014, 6, 19),
        (2014, 8, 10),
        "Xuất bản",
        [],
    ),
    (
        "47/2011/NĐ-CP",
        "Nghị định",
        "CP",
        "Chính phủ",
        "Nghị định quy định chi tiết thi hành một số nội dung của Luật Bưu chính",
        (2011, 6, 17),
        (2011, 8, 1),
        "Bưu chính",
        [],
    ),
    (
        "06/2016/NĐ-CP",
        "Nghị định",
        "CP",
        "Chính phủ",
        "Nghị định quản lý, cung cấp và sử dụng dịch vụ phát thanh, truyền hình",
        (2016, 1, 18),
        (2016, 3, 10),
        "Phát thanh, truyền hình",
        [],
    ),
    (
        "102/2009/NĐ-CP",
        "Nghị định",
        "CP",
        "Chính phủ",
        "Nghị định về quản lý đầu tư ứng dụng công nghệ thông tin sử dụng nguồn vốn "
        "ngân sách nhà nước",
        (2009, 11, 6),
        (2010, 1, 1),
        "Công nghệ thông tin",
        [],
    ),
]

# The documents demo's field names (lĩnh vực), so both apps share one list.
FIELDS = [
    ("Báo chí", "bao-chi"),
    ("Xuất bản", "xuat-ban"),
    ("Bưu chính", "buu-chinh"),
    ("Viễn thông", "vien-thong"),
    ("Phát thanh, truyền hình", "phat-thanh-truyen-hinh"),
    ("Thông tin điện tử", "thong-tin-dien-tu"),
    ("Công nghệ thông tin", "cong-nghe-thong-tin"),
]

# Form templates (mẫu đơn, tờ khai): key -> (title, file name, lines of the form).
FORMS = {
    "ban-tin": (
        "Mẫu số 01 – Tờ khai đề nghị cấp giấy phép xuất bản bản tin",
        "to-khai-cap-giay-phep-xuat-ban-ban-tin.docx",
        [
            "Tên cơ quan, tổ chức đề nghị",
            "Tên bản tin",
            "Mục đích, nội dung thông tin",
            "Kỳ hạn xuất bản, khuôn khổ, số trang",
            "Số lượng bản in mỗi kỳ",
            "Nơi in",
            "Người chịu trách nhiệm xuất bản",
        ],
    ),  # fmt: skip
    "tai-lieu": (
        "Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh",
        "don-cap-giay-phep-xuat-ban-tai-lieu-khong-kinh-doanh.docx",
        [
            "Tên cơ quan, tổ chức đề nghị",
            "Tên tài liệu",
            "Tác giả, dịch giả",
            "Số trang, khuôn khổ",
            "Số lượng in",
            "Nơi in",
            "Mục đích sử dụng",
        ],
    ),  # fmt: skip
    "hoat-dong-in": (
        "Đơn đề nghị cấp giấy phép hoạt động in",
        "don-cap-giay-phep-hoat-dong-in.docx",
        [
            "Tên cơ sở in",
            "Địa chỉ trụ sở, địa chỉ xưởng in",
            "Người đứng đầu cơ sở in",
            "Sản phẩm in đề nghị",
            "Thiết bị in chính",
        ],
    ),  # fmt: skip
    "dang-ky-in": (
        "Tờ khai đăng ký hoạt động cơ sở in",
        "to-khai-dang-ky-hoat-dong-co-so-in.docx",
        ["Tên cơ sở in", "Địa chỉ", "Người đứng đầu", "Sản phẩm in", "Thiết bị in"],
    ),  # fmt: skip
    "buu-chinh": (
        "Đơn đề nghị cấp giấy phép bưu chính",
        "don-cap-giay-phep-buu-chinh.docx",
        [
            "Tên doanh nghiệp",
            "Giấy chứng nhận đăng ký doanh nghiệp",
            "Phạm vi cung ứng dịch vụ",
            "Dịch vụ bưu chính đề nghị cung ứng",
            "Người đại diện theo pháp luật",
        ],
    ),  # fmt: skip
    "thong-bao-buu-chinh": (
        "Văn bản thông báo hoạt động bưu chính",
        "thong-bao-hoat-dong-buu-chinh.docx",
        [
            "Tên tổ chức, doanh nghiệp",
            "Địa chỉ",
            "Hình thức hoạt động bưu chính",
            "Phạm vi hoạt động",
        ],
    ),  # fmt: skip
    "trang-tong-hop": (
        "Đơn đề nghị cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
        "don-cap-giay-phep-trang-thong-tin-dien-tu-tong-hop.docx",
        [
            "Tên tổ chức, doanh nghiệp",
            "Tên miền sử dụng",
            "Mục đích cung cấp thông tin",
            "Nguồn tin khai thác",
            "Người chịu trách nhiệm quản lý nội dung",
            "Vị trí đặt máy chủ tại Việt Nam",
        ],
    ),  # fmt: skip
    "tro-choi": (
        "Đơn đề nghị cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ "
        "trò chơi điện tử công cộng",
        "don-cap-giay-chung-nhan-diem-tro-choi-dien-tu-cong-cong.docx",
        [
            "Tên chủ điểm",
            "Địa chỉ điểm cung cấp dịch vụ",
            "Tổng diện tích phòng máy",
            "Số lượng máy tính",
            "Doanh nghiệp cung cấp đường truyền Internet",
        ],
    ),  # fmt: skip
    "tvro": (
        "Tờ khai đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh",
        "to-khai-dang-ky-thu-tin-hieu-truyen-hinh-ve-tinh.docx",
        [
            "Tên cơ quan, tổ chức, cá nhân",
            "Địa chỉ lắp đặt thiết bị thu",
            "Số lượng thiết bị",
            "Kênh chương trình đề nghị thu",
            "Mục đích thu",
        ],
    ),  # fmt: skip
}

IN_PERSON_PLACE = (
    "Bộ phận Một cửa, Sở Thông tin và Truyền thông Hà Nội, 185 Giảng Võ, quận Đống Đa, "
    "thành phố Hà Nội; hoặc qua Cổng dịch vụ công trực tuyến của thành phố Hà Nội."
)
ORG = "Tổ chức, doanh nghiệp"
TYPE = "TTHC không được luật giao cho địa phương quy định hoặc quy định chi tiết"

# (code, name, field, unit, methods [(kind, days, fee, fee text)], components
#  [(name, originals, copies, form key or "")], applicants, result, requirements,
#  legal basis [(number/symbol, article or "")], coordinating agency, simplified version)
PROCEDURES = [
    {
        "code": "1.004662.000.00.00.H29",
        "name": "Cấp giấy phép xuất bản bản tin (địa phương)",
        "field": "Báo chí",
        "unit": "bao-chi-xuat-ban",
        "methods": [
            ("truc_tiep", 15, 0, "Không thu phí, lệ phí."),
            ("buu_chinh", 15, 0, "Không thu phí, lệ phí."),
        ],
        "components": [
            ("Tờ khai đề nghị cấp giấy phép xuất bản bản tin", 1, 0, "ban-tin"),
            (
                "Bản sao có chứng thực quyết định thành lập hoặc giấy chứng nhận đăng ký "
                "hoạt động của cơ quan, tổ chức",
                0,
                1,
                "",
            ),
            ("Sơ yếu lý lịch của người chịu trách nhiệm xuất bản bản tin", 1, 0, ""),
            ("Mẫu trình bày tên gọi và hình thức trình bày bản tin", 1, 0, ""),
        ],  # fmt: skip
        "applicants": "Cơ quan, tổ chức của Trung ương tại địa phương; cơ quan, tổ chức, "
        "tổ chức nước ngoài có trụ sở tại thành phố Hà Nội.",
        "result": "Giấy phép xuất bản bản tin.",
        "requirements": "Có tôn chỉ, mục đích phù hợp với chức năng, nhiệm vụ của cơ quan, "
        "tổ chức; có người chịu trách nhiệm xuất bản bản tin; có địa điểm làm việc.",
        "basis": [("103/2016/QH13", "35")],
        "coordinating": "",
        "simplified": {
            "methods": [
                ("truc_tiep", 10, 0, "Không thu phí, lệ phí."),
                ("truc_tuyen", 10, 0, "Không thu phí, lệ phí."),
                ("buu_chinh", 10, 0, "Không thu phí, lệ phí."),
            ],
            "drop_components": [
                "Sơ yếu lý lịch của người chịu trách nhiệm xuất bản bản tin",
            ],
            "summary": "Rút ngắn thời hạn giải quyết từ 15 xuống 10 ngày làm việc; bỏ yêu "
            "cầu nộp sơ yếu lý lịch; bổ sung cách thức nộp hồ sơ trực tuyến.",
        },
    },
    {
        "code": "1.003725.000.00.00.H29",
        "name": "Cấp giấy phép xuất bản tài liệu không kinh doanh",
        "field": "Xuất bản",
        "unit": "bao-chi-xuat-ban",
        "methods": [
            (
                "truc_tiep",
                10,
                50000,
                "Phí thẩm định nội dung tài liệu: 50.000 đồng/trang mẫu (mức thu minh họa).",
            ),
            ("buu_chinh", 10, 50000, "Như nộp trực tiếp."),
        ],  # fmt: skip
        "components": [
            ("Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh", 1, 0, "tai-lieu"),
            ("Bản thảo tài liệu in trên giấy hoặc bản điện tử", 2, 0, ""),
            ("Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp", 0, 1, ""),
        ],  # fmt: skip
        "applicants": "Cơ quan, tổ chức, doanh nghiệp có trụ sở tại thành phố Hà Nội.",
        "result": "Giấy phép xuất bản tài liệu không kinh doanh.",
        "requirements": "Tài liệu không kinh doanh có nội dung không vi phạm Điều 10 Luật "
        "Xuất bản.",
        "basis": [("19/2012/QH13", "25"), ("195/2013/NĐ-CP", "")],
        "coordinating": "",
        "simplified": {
            "methods": [
                (
                    "truc_tiep",
                    7,
                    30000,
                    "Phí thẩm định nội dung tài liệu: 30.000 đồng/trang mẫu (mức thu minh họa).",
                ),
                ("truc_tuyen", 7, 30000, "Như nộp trực tiếp."),
                ("buu_chinh", 7, 30000, "Như nộp trực tiếp."),
            ],  # fmt: skip
            "drop_components": [
                "Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp",
            ],
            "summary": "Rút ngắn thời hạn giải quyết từ 10 xuống 7 ngày làm việc; giảm phí "
            "thẩm định; không yêu cầu bản sao quyết định thành lập (khai thác từ cơ sở dữ "
            "liệu đăng ký doanh nghiệp).",
        },
    },
    {
        "code": "1.003841.000.00.00.H29",
        "name": "Cấp giấy phép hoạt động in",
        "field": "Xuất bản",
        "unit": "bao-chi-xuat-ban",
        "methods": [("truc_tiep", 10, 0, ""), ("buu_chinh", 10, 0, "")],
        "components": [
            ("Đơn đề nghị cấp giấy phép hoạt động in", 1, 0, "hoat-dong-in"),
            ("Bản sao giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập", 0, 1, ""),
            ("Giấy tờ chứng minh quyền sử dụng mặt bằng sản xuất", 0, 1, ""),
            ("Sơ yếu lý lịch và văn bằng chuyên ngành của người đứng đầu cơ sở in", 1, 0, ""),
        ],  # fmt: skip
        "applicants": ORG + " hoạt động in xuất bản phẩm, tem chống giả, báo, tạp chí.",
        "result": "Giấy phép hoạt động in.",
        "requirements": "Có thiết bị in phù hợp; có mặt bằng sản xuất hợp pháp; người đứng "
        "đầu có trình độ chuyên môn về in hoặc đã qua lớp bồi dưỡng quản lý hoạt động in.",
        "basis": [("19/2012/QH13", "32"), ("60/2014/NĐ-CP", "")],
        "coordinating": "Công an thành phố Hà Nội (khi cần xác minh).",
    },
    {
        "code": "1.003856.000.00.00.H29",
        "name": "Đăng ký hoạt động cơ sở in",
        "field": "Xuất bản",
        "unit": "bao-chi-xuat-ban",
        "methods": [("truc_tiep", 5, 0, ""), ("truc_tuyen", 5, 0, "")],
        "components": [
            ("Tờ khai đăng ký hoạt động cơ sở in", 1, 0, "dang-ky-in"),
            ("Bản sao giấy chứng nhận đăng ký doanh nghiệp", 0, 1, ""),
        ],
        "applicants": ORG + " có cơ sở in hoạt động tại thành phố Hà Nội.",
        "result": "Văn bản xác nhận đăng ký hoạt động cơ sở in.",
        "requirements": "",
        "basis": [("60/2014/NĐ-CP", "")],
        "coordinating": "",
    },
    {
        "code": "1.004970.000.00.00.H29",
        "name": "Cấp giấy phép bưu chính",
        "field": "Bưu chính",
        "unit": "buu-chinh-vien-thong",
        "methods": [
            (
                "truc_tiep",
                20,
                0,
                "Phí thẩm định điều kiện hoạt động bưu chính theo quy định của Bộ Tài chính.",
            ),
            ("buu_chinh", 20, 0, "Như nộp trực tiếp."),
        ],  # fmt: skip
        "components": [
            ("Đơn đề nghị cấp giấy phép bưu chính", 1, 0, "buu-chinh"),
            ("Bản sao giấy chứng nhận đăng ký doanh nghiệp", 0, 1, ""),
            ("Điều lệ tổ chức và hoạt động của doanh nghiệp", 0, 1, ""),
            ("Phương án kinh doanh", 1, 0, ""),
            ("Mẫu hợp đồng cung ứng và sử dụng dịch vụ bưu chính", 1, 0, ""),
            ("Bảng giá cước, chỉ tiêu chất lượng dịch vụ", 1, 0, ""),
        ],
        "applicants": "Doanh nghiệp cung ứng dịch vụ thư có khối lượng đơn chiếc đến 2 kg "
        "trong phạm vi nội tỉnh.",
        "result": "Giấy phép bưu chính.",
        "requirements": "Có giấy chứng nhận đăng ký doanh nghiệp; có khả năng tài chính và "
        "nhân sự phù hợp với phương án kinh doanh.",
        "basis": [("49/2010/QH12", ""), ("47/2011/NĐ-CP", "")],
        "coordinating": "",
    },
    {
        "code": "1.004983.000.00.00.H29",
        "name": "Xác nhận thông báo hoạt động bưu chính",
        "field": "Bưu chính",
        "unit": "buu-chinh-vien-thong",
        "methods": [("truc_tiep", 7, 0, ""), ("truc_tuyen", 7, 0, "")],
        "components": [
            ("Văn bản thông báo hoạt động bưu chính", 1, 0, "thong-bao-buu-chinh"),
            ("Bản sao giấy chứng nhận đăng ký doanh nghiệp", 0, 1, ""),
            ("Mẫu hợp đồng cung ứng và sử dụng dịch vụ bưu chính", 1, 0, ""),
        ],
        "applicants": ORG + " cung ứng dịch vụ bưu chính không thuộc phạm vi phải cấp "
        "giấy phép; văn phòng đại diện, chi nhánh của doanh nghiệp bưu chính.",
        "result": "Văn bản xác nhận thông báo hoạt động bưu chính.",
        "requirements": "",
        "basis": [("49/2010/QH12", ""), ("47/2011/NĐ-CP", "")],
        "coordinating": "",
    },
    {
        "code": "1.003629.000.00.00.H29",
        "name": "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
        "field": "Thông tin điện tử",
        "unit": "thong-tin-co-so",
        "methods": [("truc_tiep", 10, 0, ""), ("truc_tuyen", 10, 0, "")],
        "components": [
            (
                "Đơn đề nghị cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
                1,
                0,
                "trang-tong-hop",
            ),
            ("Bản sao giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập", 0, 1, ""),
            ("Đề án hoạt động có chữ ký, đóng dấu của người đứng đầu", 1, 0, ""),
            ("Văn bản chấp thuận của các tổ chức cung cấp nguồn tin", 0, 1, ""),
        ],  # fmt: skip
        "applicants": ORG + " có trụ sở tại thành phố Hà Nội.",
        "result": "Giấy phép thiết lập trang thông tin điện tử tổng hợp.",
        "requirements": "Có tên miền sử dụng hợp pháp; có nhân sự quản lý nội dung; có "
        "biện pháp bảo đảm an toàn thông tin; có ít nhất một máy chủ đặt tại Việt Nam.",
        "basis": [("72/2013/NĐ-CP", "23")],
        "coordinating": "",
    },
    {
        "code": "1.004218.000.00.00.H29",
        "name": "Cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi "
        "điện tử công cộng",
        "field": "Viễn thông",
        "unit": "buu-chinh-vien-thong",
        "methods": [("truc_tiep", 15, 0, ""), ("truc_tuyen", 15, 0, "")],
        "components": [
            (
                "Đơn đề nghị cấp giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ "
                "trò chơi điện tử công cộng",
                1,
                0,
                "tro-choi",
            ),
            ("Bản sao giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh", 0, 1, ""),
            ("Bản sao chứng minh nhân dân hoặc căn cước công dân của chủ điểm", 0, 1, ""),
        ],  # fmt: skip
        "applicants": "Tổ chức, cá nhân, hộ kinh doanh cung cấp dịch vụ trò chơi điện tử "
        "công cộng.",
        "result": "Giấy chứng nhận đủ điều kiện hoạt động điểm cung cấp dịch vụ trò chơi "
        "điện tử công cộng.",
        "requirements": "Điểm cung cấp dịch vụ cách cổng trường tiểu học, trung học cơ sở, "
        "trung học phổ thông từ 200 m trở lên; tổng diện tích phòng máy phù hợp quy định.",
        "basis": [("72/2013/NĐ-CP", "")],
        "coordinating": "Ủy ban nhân dân cấp huyện nơi đặt điểm cung cấp dịch vụ.",
    },
    {
        "code": "1.003905.000.00.00.H29",
        "name": "Cấp giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp "
        "từ vệ tinh",
        "field": "Phát thanh, truyền hình",
        "unit": "thong-tin-co-so",
        "methods": [("truc_tiep", 10, 0, ""), ("buu_chinh", 10, 0, "")],
        "components": [
            (
                "Tờ khai đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh",
                1,
                0,
                "tvro",
            ),
            ("Bản sao quyết định thành lập hoặc giấy chứng nhận đăng ký doanh nghiệp", 0, 1, ""),
        ],  # fmt: skip
        "applicants": "Cơ quan, tổ chức, văn phòng đại diện, khách sạn từ 4 sao trở lên "
        "thuộc đối tượng được thu tín hiệu truyền hình nước ngoài trực tiếp từ vệ tinh.",
        "result": "Giấy chứng nhận đăng ký thu tín hiệu truyền hình nước ngoài trực tiếp từ "
        "vệ tinh.",
        "requirements": "",
        "basis": [("06/2016/NĐ-CP", "")],
        "coordinating": "",
    },
    {
        "code": "2.001890.000.00.00.H29",
        "name": "Thẩm định thiết kế cơ sở dự án ứng dụng công nghệ thông tin sử dụng nguồn "
        "vốn ngân sách nhà nước",
        "field": "Công nghệ thông tin",
        "unit": "cong-nghe-thong-tin",
        "methods": [("truc_tiep", 20, 0, "Phí thẩm định theo quy định của Bộ Tài chính.")],
        "components": [
            ("Tờ trình thẩm định thiết kế cơ sở", 1, 0, ""),
            ("Báo cáo nghiên cứu khả thi dự án", 1, 0, ""),
            ("Thuyết minh và bản vẽ thiết kế cơ sở", 1, 0, ""),
        ],
        "applicants": "Chủ đầu tư dự án ứng dụng công nghệ thông tin thuộc thành phố Hà Nội.",
        "result": "Văn bản thông báo kết quả thẩm định thiết kế cơ sở.",
        "requirements": "",
        "basis": [("67/2006/QH11", ""), ("102/2009/NĐ-CP", "")],
        "coordinating": "Sở Kế hoạch và Đầu tư; Sở Tài chính.",
    },
]
