# ruff: noqa: E501 - long Vietnamese sentences read better unbroken
"""Texts of the demo documents, as (level, number, title, text) rows in reading order.

The department's internal rules are illustrative texts written for the demo in the
usual form of such rules; the laws and plans carry short extracts.
"""

from ..structure import ProvisionLevel as L

WORKING_RULES = [
    (
        L.PREAMBLE,
        "",
        "",
        "Quy chế này quy định nguyên tắc, chế độ trách nhiệm, lề lối làm việc, "
        "quan hệ công tác và trình tự giải quyết công việc của Sở Thông tin và Truyền thông "
        "thành phố Hà Nội.",
    ),
    (L.CHAPTER, "I", "QUY ĐỊNH CHUNG", ""),
    (L.ARTICLE, "1", "Phạm vi điều chỉnh và đối tượng áp dụng", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Quy chế này quy định về nguyên tắc, chế độ trách nhiệm, lề lối làm việc, "
        "trình tự giải quyết công việc và quan hệ công tác của Sở Thông tin và Truyền thông.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Quy chế này áp dụng đối với Ban Giám đốc Sở, Văn phòng Sở, Thanh tra Sở, "
        "các phòng chuyên môn, đơn vị sự nghiệp thuộc Sở và cán bộ, công chức, viên chức, người "
        "lao động làm việc tại Sở.",
    ),
    (L.ARTICLE, "2", "Nguyên tắc làm việc", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Sở làm việc theo chế độ thủ trưởng; mỗi việc chỉ giao cho một đơn vị, "
        "một người phụ trách và chịu trách nhiệm chính.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Giải quyết công việc đúng pháp luật, đúng thẩm quyền và thời hạn, bảo đảm "
        "công khai, minh bạch.",
    ),
    (
        L.CLAUSE,
        "3",
        "",
        "Đề cao tinh thần hợp tác, phối hợp giữa các đơn vị; chủ động xử lý công "
        "việc trong phạm vi được giao.",
    ),
    (
        L.CLAUSE,
        "4",
        "",
        "Đơn giản hóa thủ tục hành chính, rút ngắn thời gian giải quyết, lấy sự hài "
        "lòng của người dân, doanh nghiệp làm thước đo hiệu quả công việc.",
    ),
    (L.ARTICLE, "3", "Trách nhiệm và phạm vi giải quyết công việc của Giám đốc Sở", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Giám đốc Sở lãnh đạo, điều hành toàn diện hoạt động của Sở và chịu trách "
        "nhiệm trước Ủy ban nhân dân Thành phố, Chủ tịch Ủy ban nhân dân Thành phố và trước pháp "
        "luật về toàn bộ hoạt động của Sở.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Trực tiếp chỉ đạo công tác tổ chức cán bộ, kế hoạch, tài chính, thanh tra "
        "và cải cách hành chính.",
    ),
    (L.CHAPTER, "II", "TRÁCH NHIỆM, PHẠM VI GIẢI QUYẾT CÔNG VIỆC", ""),
    (L.ARTICLE, "4", "Trách nhiệm của Phó Giám đốc Sở", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Phó Giám đốc Sở được Giám đốc phân công phụ trách một số lĩnh vực công tác, "
        "chịu trách nhiệm trước Giám đốc và trước pháp luật về lĩnh vực được phân công.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Khi giải quyết công việc có liên quan đến lĩnh vực của Phó Giám đốc khác, "
        "chủ động trao đổi, phối hợp; trường hợp còn ý kiến khác nhau thì báo cáo Giám đốc quyết định.",
    ),
    (L.ARTICLE, "5", "Trách nhiệm của Trưởng phòng, Thủ trưởng đơn vị thuộc Sở", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Tổ chức thực hiện nhiệm vụ của phòng, đơn vị; chịu trách nhiệm trước Giám "
        "đốc Sở về kết quả công tác của phòng, đơn vị.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Phân công công việc cho công chức, viên chức trong phòng, đơn vị; theo dõi, "
        "đôn đốc, kiểm tra việc thực hiện.",
    ),
    (L.CLAUSE, "3", "", "Chủ động phối hợp với các phòng, đơn vị khác:"),
    (
        L.POINT,
        "a",
        "",
        "trong việc tham mưu xây dựng văn bản quy phạm pháp luật, quy chế, quy trình "
        "nội bộ thuộc lĩnh vực được giao;",
    ),
    (L.POINT, "b", "", "trong việc giải quyết thủ tục hành chính liên thông giữa các đơn vị;"),
    (L.POINT, "c", "", "trong công tác báo cáo định kỳ, đột xuất theo yêu cầu của Giám đốc Sở."),
    (L.ARTICLE, "6", "Trách nhiệm của công chức, viên chức", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Thực hiện nhiệm vụ được giao đúng thời hạn, chất lượng; chịu trách nhiệm "
        "trước Trưởng phòng và trước pháp luật về nội dung tham mưu, đề xuất.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Chấp hành nghiêm kỷ luật, kỷ cương hành chính, nội quy cơ quan và văn hóa công sở.",
    ),
    (L.CHAPTER, "III", "CHẾ ĐỘ HỘI HỌP, XỬ LÝ VĂN BẢN VÀ THÔNG TIN, BÁO CÁO", ""),
    (L.ARTICLE, "7", "Chế độ họp", ""),
    (L.CLAUSE, "1", "", "Giao ban Ban Giám đốc vào sáng thứ Hai hằng tuần."),
    (
        L.CLAUSE,
        "2",
        "",
        "Giao ban toàn Sở vào tuần đầu tiên của tháng để đánh giá kết quả công tác "
        "tháng trước và triển khai nhiệm vụ tháng sau.",
    ),
    (L.ARTICLE, "8", "Xử lý văn bản đến, văn bản đi", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Văn bản đến được Văn phòng Sở tiếp nhận, vào sổ và trình Giám đốc hoặc Phó "
        "Giám đốc phụ trách phân phối trong ngày làm việc.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Văn bản đi phải đúng thể thức, kỹ thuật trình bày theo quy định và được "
        "kiểm tra trước khi trình ký.",
    ),
    (L.ARTICLE, "9", "Chế độ thông tin, báo cáo", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Các phòng, đơn vị báo cáo kết quả công tác tháng trước ngày 20 hằng tháng.",
    ),
    (L.CLAUSE, "2", "", "Báo cáo quý, sáu tháng, năm thực hiện theo hướng dẫn của Văn phòng Sở."),
    (L.CHAPTER, "IV", "GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH VÀ ĐIỀU KHOẢN THI HÀNH", ""),
    (L.ARTICLE, "10", "Tiếp nhận, giải quyết thủ tục hành chính", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Hồ sơ thủ tục hành chính được tiếp nhận và trả kết quả tại Bộ phận Một cửa của Sở.",
    ),
    (L.CLAUSE, "2", "", "Bộ phận Một cửa niêm yết công khai mười điều tâm niệm phục vụ nhân dân."),
    (L.CLAUSE, "3", "", "Phòng chuyên môn giải quyết hồ sơ đúng thời hạn theo phiếu hẹn."),
    (L.ARTICLE, "11", "Khen thưởng, kỷ luật", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Kết quả thực hiện Quy chế là căn cứ đánh giá, xếp loại, khen thưởng cá nhân, "
        "tập thể hằng năm.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Cá nhân vi phạm Quy chế, tùy theo mức độ, bị xử lý kỷ luật theo quy định.",
    ),
    (L.ARTICLE, "12", "Tổ chức thực hiện", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Trưởng phòng, Thủ trưởng đơn vị thuộc Sở có trách nhiệm phổ biến, tổ chức "
        "thực hiện Quy chế này.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Văn phòng "
        "Sở để tổng hợp, báo cáo Giám đốc Sở xem xét sửa đổi, bổ sung.",
    ),
]

# The amending decision changes two articles: Điều 5 (one focal point) and Điều 10
# (apology letter, satisfaction survey).
WORKING_RULES_AMENDMENTS = [
    {
        "path": "dieu-5/khoan-2",
        "action": "replace",
        "text": "Phân công công việc theo nguyên tắc “một đầu mối - một việc xuyên suốt”: mỗi "
        "việc do một công chức chủ trì từ khi tiếp nhận đến khi hoàn thành; theo dõi, đôn đốc, "
        "kiểm tra việc thực hiện.",
    },
    {
        "path": "dieu-10/khoan-3",
        "action": "replace",
        "text": "Phòng chuyên môn giải quyết hồ sơ đúng thời hạn theo phiếu hẹn; trường hợp trả "
        "kết quả sau ngày hẹn, cơ quan gửi thư xin lỗi người dân, tổ chức và hẹn lại ngày trả "
        "kết quả.",
    },
    {
        "path": "dieu-10/khoan-3",
        "action": "insert_after",
        "level": "khoan",
        "number": "4",
        "text": "Văn phòng Sở tổ chức khảo sát, đo lường sự hài lòng của cá nhân, tổ chức đối với "
        "sự phục vụ của Sở hằng quý và công khai kết quả.",
    },
]

SPENDING_RULES = [
    (L.CHAPTER, "I", "QUY ĐỊNH CHUNG", ""),
    (
        L.ARTICLE,
        "1",
        "Phạm vi và đối tượng áp dụng",
        "Quy chế này quy định các khoản chi, mức chi "
        "và việc quản lý, sử dụng kinh phí được giao tự chủ của Sở Thông tin và Truyền thông; áp "
        "dụng đối với các phòng, đơn vị và công chức, người lao động của Sở.",
    ),
    (L.ARTICLE, "2", "Nguyên tắc chi tiêu", ""),
    (L.CLAUSE, "1", "", "Chi đúng chế độ, tiêu chuẩn, định mức; tiết kiệm, hiệu quả, công khai."),
    (
        L.CLAUSE,
        "2",
        "",
        "Mọi khoản chi phải có chứng từ hợp pháp, hợp lệ và được Giám đốc Sở phê duyệt.",
    ),
    (L.CHAPTER, "II", "NỘI DUNG VÀ MỨC CHI", ""),
    (L.ARTICLE, "3", "Công tác phí", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Phụ cấp lưu trú khi đi công tác ngoài Thành phố: 200.000 đồng/người/ngày.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Thanh toán tiền thuê phòng nghỉ theo hóa đơn, tối đa 700.000 đồng/người/ngày.",
    ),
    (
        L.ARTICLE,
        "4",
        "Chi tổ chức hội nghị",
        "Mức chi nước uống tối đa 40.000 đồng/người/ngày; "
        "không chi quà tặng, không tổ chức liên hoan.",
    ),
    (
        L.ARTICLE,
        "5",
        "Văn phòng phẩm",
        "Khoán văn phòng phẩm 100.000 đồng/người/tháng; các phòng "
        "ưu tiên sử dụng văn bản điện tử để tiết kiệm giấy.",
    ),
    (
        L.ARTICLE,
        "6",
        "Cước điện thoại",
        "Khoán cước điện thoại di động cho Trưởng phòng 200.000 "
        "đồng/tháng, Phó Trưởng phòng 150.000 đồng/tháng.",
    ),
    (
        L.ARTICLE,
        "7",
        "Chi thu nhập tăng thêm",
        "Kinh phí tiết kiệm được cuối năm được chi thu nhập "
        "tăng thêm theo kết quả đánh giá, xếp loại công chức.",
    ),
    (L.CHAPTER, "III", "TỔ CHỨC THỰC HIỆN", ""),
    (
        L.ARTICLE,
        "8",
        "Trách nhiệm thi hành",
        "Phòng Kế hoạch - Tài chính hướng dẫn, kiểm tra việc "
        "thực hiện Quy chế này; Thanh tra Sở giám sát việc chi tiêu.",
    ),
]

PLAN_572 = [
    (L.HEADING, "I", "MỤC ĐÍCH, YÊU CẦU", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Quán triệt và thực hiện nghiêm Chỉ thị số 01/CT-UBND và Kế hoạch số "
        "69/KH-UBND của Ủy ban nhân dân Thành phố về chủ đề năm 2017 “Năm kỷ cương hành chính”.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Xác định rõ nhiệm vụ, đơn vị chủ trì, đơn vị phối hợp và thời hạn hoàn thành.",
    ),
    (L.HEADING, "II", "NHIỆM VỤ, GIẢI PHÁP", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Rà soát, hoàn thiện, bổ sung hệ thống văn bản quy phạm pháp luật của ngành, "
        "bộ thủ tục hành chính, quy trình, quy chế làm việc và quy chế chi tiêu nội bộ của Sở và các "
        "đơn vị sự nghiệp; tổ chức thực hiện theo năm nguyên tắc: đúng pháp luật, đơn giản hóa, minh "
        "bạch, rút ngắn thời gian giải quyết và tạo sự chủ động cho các phòng, đơn vị, cá nhân.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Sắp xếp tổ chức các phòng, đơn vị sự nghiệp theo nguyên tắc “một đầu mối - "
        "một việc xuyên suốt”.",
    ),
    (
        L.CLAUSE,
        "3",
        "",
        "Đổi mới thái độ của công chức tiếp nhận, giải quyết thủ tục hành chính: sự "
        "hài lòng của người dân, doanh nghiệp là thước đo kết quả công việc.",
    ),
    (
        L.CLAUSE,
        "4",
        "",
        "Tăng cường kỷ luật, kỷ cương trong thực hiện chỉ đạo của Thành ủy, Hội đồng "
        "nhân dân, Ủy ban nhân dân Thành phố và Giám đốc Sở.",
    ),
    (
        L.CLAUSE,
        "5",
        "",
        "Niêm yết tại Bộ phận Một cửa và nơi tiếp công dân mười điều tâm niệm: Khách "
        "đến, được chào hỏi; Khách ở, luôn tươi cười; Khách hỏi, được tư vấn; Khách yêu cầu, phải tận "
        "tâm; Khách cần, được thông báo; Khách vội, giải quyết nhanh; Khách chờ, được xin lỗi; Khách "
        "phàn nàn, phải lắng nghe; Khách nhờ, luôn chu đáo; Khách về, được hài lòng.",
    ),
    (
        L.CLAUSE,
        "6",
        "",
        "Xây dựng kế hoạch và tổ chức khảo sát, đo lường sự hài lòng của cá nhân, tổ "
        "chức theo Quyết định số 359/QĐ-UBND ngày 18/01/2017 của Ủy ban nhân dân Thành phố.",
    ),
    (
        L.CLAUSE,
        "7",
        "",
        "Gửi thư xin lỗi của cơ quan hành chính khi trả kết quả giải quyết thủ tục "
        "hành chính chậm so với ngày hẹn.",
    ),
    (L.HEADING, "III", "TỔ CHỨC THỰC HIỆN", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Văn phòng Sở là đầu mối theo dõi, tổng hợp, báo cáo Giám đốc Sở kết quả "
        "thực hiện Kế hoạch.",
    ),
    (L.CLAUSE, "2", "", "Các phòng, đơn vị báo cáo kết quả thực hiện định kỳ hằng quý."),
]

DIRECTIVE_01 = [
    (
        L.PREAMBLE,
        "",
        "",
        "Năm 2017 được Thành phố chọn chủ đề “Năm kỷ cương hành chính”. Để tạo "
        "chuyển biến mạnh mẽ về kỷ luật, kỷ cương hành chính, Chủ tịch Ủy ban nhân dân Thành phố chỉ "
        "thị:",
    ),
    (
        L.CLAUSE,
        "1",
        "",
        "Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các quận, huyện, "
        "thị xã xây dựng kế hoạch thực hiện chủ đề năm của cơ quan, đơn vị mình.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Rà soát, sửa đổi quy chế làm việc, quy trình giải quyết công việc; công khai "
        "thủ tục hành chính; xử lý nghiêm cán bộ, công chức vi phạm kỷ luật, kỷ cương.",
    ),
    (L.CLAUSE, "3", "", "Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp."),
]

PLAN_69 = [
    (L.HEADING, "I", "MỤC ĐÍCH, YÊU CẦU", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Siết chặt kỷ luật, kỷ cương hành chính, đổi mới lề lối làm việc, nâng cao "
        "hiệu lực, hiệu quả quản lý nhà nước.",
    ),
    (L.HEADING, "II", "NHIỆM VỤ", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Các sở, ngành, quận, huyện xây dựng kế hoạch cụ thể, phân công rõ người, rõ "
        "việc, rõ trách nhiệm.",
    ),
    (
        L.CLAUSE,
        "2",
        "",
        "Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính.",
    ),
]

DECISION_359 = [
    (
        L.ARTICLE,
        "1",
        "",
        "Phê duyệt kế hoạch đo lường sự hài lòng của người dân, tổ chức đối với sự "
        "phục vụ của cơ quan hành chính nhà nước trên địa bàn Thành phố năm 2017.",
    ),
    (L.ARTICLE, "2", "", "Quyết định có hiệu lực kể từ ngày ký."),
    (
        L.ARTICLE,
        "3",
        "",
        "Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc các sở, Thủ trưởng các "
        "cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.",
    ),
]

PRESS_LAW = [
    (L.CHAPTER, "I", "NHỮNG QUY ĐỊNH CHUNG", ""),
    (
        L.ARTICLE,
        "1",
        "Phạm vi điều chỉnh",
        "Luật này quy định về quyền tự do báo chí, quyền tự do "
        "ngôn luận trên báo chí của công dân; tổ chức và hoạt động báo chí; quyền, nghĩa vụ của cơ "
        "quan, tổ chức, cá nhân hoạt động báo chí và cơ quan, tổ chức, cá nhân có liên quan đến hoạt "
        "động báo chí; quản lý nhà nước về báo chí.",
    ),
    (
        L.ARTICLE,
        "2",
        "Đối tượng áp dụng",
        "Luật này áp dụng đối với cơ quan, tổ chức, cá nhân Việt "
        "Nam; tổ chức, cá nhân nước ngoài liên quan đến hoạt động báo chí tại Việt Nam.",
    ),
    (L.ARTICLE, "3", "Giải thích từ ngữ", "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:"),
    (
        L.CLAUSE,
        "1",
        "",
        "Báo chí là sản phẩm thông tin về các sự kiện, vấn đề trong đời sống xã hội "
        "thể hiện bằng chữ viết, hình ảnh, âm thanh, được sáng tạo, xuất bản định kỳ và phát hành, "
        "truyền dẫn tới đông đảo công chúng.",
    ),
    (L.CLAUSE, "2", "", "Loại hình báo chí gồm báo in, báo điện tử, báo nói, báo hình."),
]

ONE_STOP_DECREE = [
    (L.CHAPTER, "I", "QUY ĐỊNH CHUNG", ""),
    (
        L.ARTICLE,
        "1",
        "Phạm vi điều chỉnh",
        "Nghị định này quy định về thực hiện cơ chế một cửa, một "
        "cửa liên thông trong giải quyết thủ tục hành chính.",
    ),
    (
        L.ARTICLE,
        "2",
        "Đối tượng áp dụng",
        "Nghị định này áp dụng đối với các bộ, cơ quan ngang bộ, "
        "Ủy ban nhân dân các cấp, cán bộ, công chức, viên chức và tổ chức, cá nhân có liên quan.",
    ),
    (L.ARTICLE, "18", "Tiếp nhận hồ sơ thủ tục hành chính", ""),
    (
        L.CLAUSE,
        "1",
        "",
        "Tổ chức, cá nhân có thể nộp hồ sơ trực tiếp, qua dịch vụ bưu chính hoặc trực tuyến.",
    ),
]

ONE_STOP_2015 = [
    (
        L.ARTICLE,
        "1",
        "",
        "Ban hành kèm theo Quyết định này Quy chế thực hiện cơ chế một cửa, cơ chế "
        "một cửa liên thông tại cơ quan hành chính nhà nước ở địa phương.",
    ),
]
