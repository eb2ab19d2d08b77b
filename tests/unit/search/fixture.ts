/**
 * A small catalogue for search tests until data/procedures/ is complete: names and
 * codes from the project's research notes (procedures-research.json), summaries and
 * keywords written in the style of the catalogue.
 */
import type { ProcedureSummary } from '$lib/domain/procedure';

type Row = [code: string, name: string, field: string, tier: ProcedureSummary['tier'], level: ProcedureSummary['onlineLevel'], summary: string, keywords?: string[]];

const agencies: Record<string, ProcedureSummary['agency']> = {
	'Hộ tịch': { id: 'ubnd-xa', name: 'Ủy ban nhân dân cấp xã' },
	'Chứng thực': { id: 'ubnd-xa', name: 'Ủy ban nhân dân cấp xã' },
	'Đăng ký, quản lý cư trú': { id: 'cong-an-xa', name: 'Công an cấp xã' },
	'Thành lập và hoạt động của hộ kinh doanh': { id: 'ubnd-xa', name: 'Ủy ban nhân dân cấp xã' },
	'Bảo trợ xã hội': { id: 'ubnd-xa', name: 'Ủy ban nhân dân cấp xã' },
	'Căn cước': { id: 'cong-an-tinh', name: 'Công an cấp tỉnh' },
	'Nuôi con nuôi': { id: 'so-tu-phap', name: 'Sở Tư pháp' }
};

const rows: Row[] = [
	['1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', 'xa', 'toan-trinh', 'Cha, mẹ đăng ký khai sinh cho con mới sinh để được cấp Giấy khai sinh.', ['làm giấy khai sinh', 'khai sinh cho con', 'giấy khai sinh']],
	['1.000894', 'Thủ tục đăng ký kết hôn', 'Hộ tịch', 'xa', 'mot-phan', 'Hai bên nam, nữ đăng ký kết hôn để được cấp Giấy chứng nhận kết hôn.', ['làm giấy đăng ký kết hôn', 'cưới']],
	['1.000656', 'Thủ tục đăng ký khai tử', 'Hộ tịch', 'xa', 'toan-trinh', 'Người thân đăng ký khai tử cho người đã chết.', ['báo tử', 'giấy chứng tử']],
	['2.000635', 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh', 'Hộ tịch', 'tinh', 'toan-trinh', 'Xin lại bản sao giấy khai sinh, trích lục kết hôn đã đăng ký.', ['xin bản sao giấy khai sinh', 'trích lục']],
	['2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam; cơ quan, tổ chức có thẩm quyền của nước ngoài; ... cấp hoặc chứng nhận', 'Chứng thực', 'xa', 'mot-phan', 'Chứng thực bản sao từ bản chính để nộp kèm hồ sơ.', ['công chứng bản sao', 'sao y bản chính']],
	['2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản (kể cả điểm chỉ, người không ký/điểm chỉ được)', 'Chứng thực', 'xa', 'mot-phan', 'Xác nhận chữ ký của người yêu cầu trên giấy tờ, văn bản.', ['chứng thực chữ ký']],
	['1.004222', 'Đăng ký thường trú', 'Đăng ký, quản lý cư trú', 'xa', 'toan-trinh', 'Đăng ký nơi thường trú khi chuyển đến chỗ ở hợp pháp mới.', ['nhập hộ khẩu', 'chuyển hộ khẩu']],
	['1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 'xa', 'toan-trinh', 'Xác nhận độc thân để kết hôn, mua bán nhà đất hoặc làm thủ tục khác.', ['giấy xác nhận độc thân']],
	['1.001612', 'Đăng ký thành lập hộ kinh doanh', 'Thành lập và hoạt động của hộ kinh doanh', 'xa', 'toan-trinh', 'Đăng ký hộ kinh doanh để mở cửa hàng, quán ăn.', ['giấy phép kinh doanh hộ cá thể']],
	['1.001776', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng (bảo trợ xã hội)', 'Bảo trợ xã hội', 'xa', 'mot-phan', 'Người cao tuổi, người khuyết tật đề nghị hưởng trợ cấp xã hội hằng tháng.', ['trợ cấp người già']],
	['1.004884', 'Đăng ký lại khai sinh', 'Hộ tịch', 'xa', 'mot-phan', 'Đăng ký lại việc sinh đã đăng ký nhưng sổ hộ tịch và bản chính Giấy khai sinh đều bị mất.', ['mất giấy khai sinh']],
	['1.000689', 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', 'Hộ tịch', 'xa', 'mot-phan', 'Đăng ký khai sinh đồng thời nhận cha, mẹ cho con chưa xác định cha, mẹ.', []],
	['1.001022', 'Đăng ký nhận cha, mẹ, con', 'Hộ tịch', 'xa', 'mot-phan', 'Xác nhận quan hệ cha, mẹ, con khi không có tranh chấp.', []],
	['1.004772', 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', 'Hộ tịch', 'xa', 'mot-phan', 'Người đã có hồ sơ, giấy tờ cá nhân nhưng chưa đăng ký khai sinh.', []],
	['1.000593', 'Đăng ký kết hôn lưu động', 'Hộ tịch', 'xa', 'mot-phan', 'Cán bộ tư pháp đến tận nơi đăng ký kết hôn khi một bên không thể đi lại.', []],
	['1.004746', 'Đăng ký lại kết hôn', 'Hộ tịch', 'xa', 'mot-phan', 'Đăng ký lại việc kết hôn khi sổ hộ tịch và bản chính giấy chứng nhận kết hôn bị mất.', []],
	['2.000806', 'Đăng ký kết hôn có yếu tố nước ngoài', 'Hộ tịch', 'tinh', 'mot-phan', 'Kết hôn giữa công dân Việt Nam và người nước ngoài.', []],
	['1.004837', 'Đăng ký giám hộ', 'Hộ tịch', 'xa', 'mot-phan', 'Đăng ký người giám hộ cho người chưa thành niên hoặc mất năng lực hành vi.', []],
	['2.001263', 'Đăng ký nuôi con nuôi trong nước', 'Nuôi con nuôi', 'xa', 'mot-phan', 'Nhận nuôi con nuôi là công dân Việt Nam thường trú trong nước.', []],
	['2.001019', 'Chứng thực di chúc', 'Chứng thực', 'xa', 'mot-phan', 'Chứng thực di chúc của người để lại tài sản.', []],
	['2.001035', 'Chứng thực giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở', 'Chứng thực', 'xa', 'mot-phan', 'Chứng thực hợp đồng, giao dịch về đất đai, nhà ở.', []],
	['1.004194', 'Đăng ký tạm trú', 'Đăng ký, quản lý cư trú', 'xa', 'toan-trinh', 'Đăng ký nơi tạm trú khi đến ở ngoài nơi thường trú từ 30 ngày.', []],
	['1.002755', 'Gia hạn tạm trú', 'Đăng ký, quản lý cư trú', 'xa', 'toan-trinh', 'Gia hạn thời hạn tạm trú trước khi hết hạn.', []],
	['1.003197', 'Xóa đăng ký thường trú', 'Đăng ký, quản lý cư trú', 'xa', 'toan-trinh', 'Xóa thường trú khi chuyển đi hoặc thuộc trường hợp luật định.', []],
	['1.010038', 'Tách hộ', 'Đăng ký, quản lý cư trú', 'xa', 'toan-trinh', 'Tách thành hộ gia đình riêng trong cùng chỗ ở hợp pháp.', []],
	['1.003677', 'Khai báo tạm vắng', 'Đăng ký, quản lý cư trú', 'xa', 'toan-trinh', 'Khai báo tạm vắng khi đi khỏi nơi cư trú.', []],
	['1.116410', 'Cấp lại thẻ căn cước', 'Căn cước', 'tinh', 'toan-trinh', 'Cấp lại thẻ căn cước bị mất hoặc hư hỏng.', ['làm lại căn cước công dân', 'mất CCCD']]
];

export const fixtureCatalogue: ProcedureSummary[] = rows.map(([code, name, field, tier, onlineLevel, summary, keywords = []]) => ({
	code,
	name,
	keywords,
	field,
	tier,
	agency: agencies[field],
	onlineLevel,
	summary
}));
