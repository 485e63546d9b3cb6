import LianbingCore
import LianbingStore

/// The 荣誉证书 of a final selection: one per winner on the final list, issued by the selection's unit on the day it
/// was finalised, numbered in the list's order.
enum SelectionCertificates {
    static func make(_ selection: Selection) -> [PrintableCertificate] {
        guard selection.status == .final, let finalised = selection.finalisedAt else { return [] }
        let award = selection.rules.award
        let date = CertificateDate.text(ChinaTime.civilDate(of: finalised))
        return selection.nominees.enumerated().map { index, nominee in
            PrintableCertificate(
                recipient: nominee.name, body: "在\(selection.unitName)组织的“\(award)”遴选中，被评为\(award)。特发此证，以资鼓励。",
                distinction: award, issuer: selection.unitName, date: date, number: "LX-\(selection.id)-\(index + 1)")
        }
    }
}
