/// The closing line of `chonoi check`, in the catalog's language.
public enum Summary {
    public static func line(errors: Int, warnings: Int, entries: Int, language: Language) -> String {
        switch language {
        case .vi:
            if errors == 0 && warnings == 0 { return "Đã kiểm tra \(entries) mục: không có lỗi." }
            return "Đã kiểm tra \(entries) mục: \(errors) lỗi, \(warnings) cảnh báo."
        case .en:
            if errors == 0 && warnings == 0 { return "Checked \(entries) entries: no problems." }
            return "Checked \(entries) entries: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
        }
    }
}
