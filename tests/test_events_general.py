"""Generalisation tests of the PLOVER event coder: sentences written for these tests on stories the coder
was not developed on (maritime incidents, trade disputes, epidemics, disasters, police work, elections,
mediation, sport bodies), run through the REAL pipeline (trained model, gazetteer linker, dates, quotes).

Each case names the events a careful annotator codes (type, actor, target) and, where the sentence decides
it, the status and source. Parties the gazetteer does not know (a provincial police, a rebel group) come
from the linker's fallback entities, as they do on unseen articles. Skipped when the pipeline cannot load.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language

from sorot.contract import Event

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Exp:
    """An expected event; ``status``/``source``/``date`` are checked when given (``source="-"``: null).
    ``"@surface"`` as actor or target is the canonical name the linker gives the mention ``surface`` (for
    parties whose English name is the gazetteer's business, or a fallback entity's own name)."""

    type: str
    actor: str
    target: str | None
    status: str | None = None
    source: str | None = None
    date: str | None = None


# (id, text, expected events, events that must NOT be coded as (type, actor, target))
CASES: list[tuple[str, str, list[Exp], list[tuple[str, str | None, str | None]]]] = [
    # ---------------------------------------------------------------- maritime incidents (ASSAULT / COERCE)
    (
        "water-cannon",
        "Kapal Penjaga Pantai China menembakkan meriam air ke kapal nelayan Vietnam di dekat Kepulauan "
        "Paracel.",
        [Exp("ASSAULT", "China", "Vietnam", "asserted", "-")],
        [],
    ),
    (
        "ramming",
        "Kapal patroli Malaysia menabrak sebuah kapal nelayan Indonesia di Selat Malaka.",
        [Exp("ASSAULT", "Malaysia", "Indonesia", "asserted")],
        [],
    ),
    (
        "blocking",
        "Angkatan Laut Vietnam menghadang kapal survei China di Laut China Selatan.",
        [Exp("COERCE", "Vietnam", "China", "asserted")],
        [],
    ),
    (
        "chasing-away",
        "Penjaga pantai Filipina mengusir kapal-kapal nelayan China dari perairan dekat Pulau Thitu.",
        [Exp("COERCE", "Philippines", "China", "asserted")],
        [],
    ),
    (
        "attack-denied",
        "Rusia membantah telah menyerang kapal kargo Ukraina di Laut Hitam.",
        [Exp("ASSAULT", "Russia", "Ukraine", "denied", "Russia")],
        [],
    ),
    # ---------------------------------------------------------------- trade disputes (ACCUSE / REJECT / THREATEN)
    (
        "judge-breach",
        "Uni Eropa menilai larangan ekspor bijih nikel Indonesia melanggar aturan perdagangan internasional.",
        [Exp("ACCUSE", "European Union", "Indonesia", "asserted")],
        [],
    ),
    (
        "ruling-breach",
        "Panel Organisasi Perdagangan Dunia (WTO) memutuskan bahwa bea masuk yang diterapkan Amerika "
        "Serikat melanggar aturan perdagangan global.",
        [Exp("ACCUSE", "World Trade Organization", "United States", "asserted")],
        [],
    ),
    (
        "appeal",
        "Pemerintah India mengajukan banding atas putusan WTO tersebut.",
        [Exp("REJECT", "India", "World Trade Organization", "asserted")],
        [],
    ),
    (
        "threat-retaliate",
        "China mengancam akan membalas jika Kanada menaikkan tarif impor mobil listrik.",
        [Exp("THREATEN", "China", "Canada", "asserted")],
        [],
    ),
    (
        "countermeasures",
        "Australia akan mengambil langkah balasan terhadap China apabila larangan impor anggur tidak dicabut.",
        [Exp("THREATEN", "Australia", "China", "asserted")],
        [],
    ),
    (
        "tariff-hypothetical",
        "Apabila perundingan gagal, produk baja Korea Selatan bisa dikenai tarif balasan oleh Uni Eropa.",
        [Exp("SANCTION", "European Union", "South Korea", "hypothetical")],
        [],
    ),
    (
        "tariffs-imposed",
        "Amerika Serikat mengenakan tarif tambahan terhadap panel surya buatan Vietnam.",
        [Exp("SANCTION", "United States", "Vietnam", "asserted")],
        [],
    ),
    # ---------------------------------------------------------------- CONCEDE
    (
        "lift-restrictions",
        "Jepang mencabut pembatasan ekspor bahan kimia ke Korea Selatan.",
        [Exp("CONCEDE", "Japan", "South Korea", "asserted")],
        [],
    ),
    (
        "withdraw-complaint",
        "Brasil menarik gugatannya terhadap Kanada di WTO.",
        [Exp("CONCEDE", "Brazil", "Canada", "asserted")],
        [("ACCUSE", "Brazil", "Canada")],
    ),
    (
        "lift-sanctions",
        "Amerika Serikat mencabut sanksi terhadap industri minyak Venezuela.",
        [Exp("CONCEDE", "United States", "Venezuela", "asserted")],
        [("SANCTION", "United States", "Venezuela")],
    ),
    # ---------------------------------------------------------------- mediation and talks (CONSULT)
    (
        "host-talks",
        "Qatar menjadi tuan rumah perundingan antara Israel dan Hamas di Doha.",
        [Exp("CONSULT", "Qatar", "Israel"), Exp("CONSULT", "Qatar", "Hamas")],
        [],
    ),
    (
        "mediate",
        "Turki memediasi perundingan pertukaran tahanan antara Rusia dan Ukraina.",
        [Exp("CONSULT", "Turkey", "Russia"), Exp("CONSULT", "Turkey", "Ukraine")],
        [],
    ),
    (
        "will-meet",
        "Perdana Menteri Thailand akan bertemu dengan Perdana Menteri Kamboja di Bangkok.",
        [Exp("CONSULT", "Thailand", "Cambodia", "planned")],
        [],
    ),
    (
        "receive-visit",
        "Presiden Indonesia menerima kunjungan Perdana Menteri Malaysia Anwar Ibrahim di Istana Bogor.",
        [Exp("CONSULT", "Malaysia", "Indonesia", "asserted")],
        [],
    ),
    (
        "will-visit",
        "Menteri Luar Negeri Retno Marsudi akan mengunjungi Beijing pekan depan.",
        [Exp("CONSULT", "Indonesia", "China", "planned")],
        [],
    ),
    # ---------------------------------------------------------------- agreements (AGREE)
    (
        "sign-ceasefire",
        "Pemerintah Kolombia dan kelompok pemberontak ELN menandatangani gencatan senjata di Havana.",
        [Exp("AGREE", "Colombia", "@ELN", "asserted")],
        [],
    ),
    (
        "agree-border",
        "Indonesia dan Vietnam menyepakati batas zona ekonomi eksklusif di Laut Natuna Utara.",
        [Exp("AGREE", "Indonesia", "Vietnam", "asserted")],
        [],
    ),
    (
        "sign-mou",
        "Kementerian Kesehatan meneken nota kesepahaman dengan Organisasi Kesehatan Dunia tentang "
        "penanganan demam berdarah.",
        [Exp("AGREE", "Indonesia", "World Health Organization", "asserted")],
        [],
    ),
    (
        "agree-truce",
        "Israel dan Hamas sepakat melakukan gencatan senjata selama empat hari.",
        [Exp("AGREE", "Israel", "Hamas")],
        [],
    ),
    (
        "sign-pact",
        "Korea Selatan dan Jepang menandatangani perjanjian pertukaran informasi militer di Tokyo.",
        [Exp("AGREE", "South Korea", "Japan", "asserted")],
        [],
    ),
    # ---------------------------------------------------------------- aid (AID)
    (
        "aid-planned",
        "Jepang akan mengirimkan bantuan kemanusiaan ke Turki setelah gempa bumi melanda negara itu.",
        [Exp("AID", "Japan", "Turkey", "planned")],
        [],
    ),
    (
        "aid-channelled",
        "Pemerintah Provinsi Jawa Barat menyalurkan bantuan beras kepada korban banjir di Kabupaten Garut.",
        [Exp("AID", "West Java", "@Kabupaten Garut", "asserted")],
        [],
    ),
    (
        "funds-poured",
        "Bank Dunia menggelontorkan dana sebesar 500 juta dolar AS untuk Pakistan.",
        [Exp("AID", "World Bank", "Pakistan", "asserted")],
        [],
    ),
    (
        "medical-team",
        "Singapura akan mengirimkan tim medis ke Myanmar untuk membantu korban gempa.",
        [Exp("AID", "Singapore", "Myanmar", "planned")],
        [],
    ),
    # ---------------------------------------------------------------- police and courts (COERCE)
    (
        "police-arrest",
        "Kepolisian Daerah Jawa Timur menangkap lima tersangka penyelundup narkoba di Surabaya.",
        [Exp("COERCE", "@Kepolisian Daerah Jawa Timur", None, "asserted")],
        [("COERCE", "Indonesia", None)],
    ),
    (
        "narcotics-seizure",
        "Badan Narkotika Nasional menyita 200 kilogram sabu di Pelabuhan Tanjung Priok.",
        [Exp("COERCE", "@Badan Narkotika Nasional", None, "asserted")],
        [("COERCE", "Indonesia", None)],
    ),
    (
        "name-suspect",
        "KPK menetapkan PT Sinar Tambang Raya sebagai tersangka korporasi dalam kasus suap izin tambang.",
        [Exp("COERCE", "Corruption Eradication Commission", "PT Sinar Tambang Raya", "asserted")],
        [("COERCE", "Indonesia", "PT Sinar Tambang Raya")],
    ),
    # ---------------------------------------------------------------- threats, demands, accusations
    (
        "threat-strait",
        "Iran mengancam akan menutup Selat Hormuz jika Amerika Serikat menyerang fasilitas nuklirnya.",
        [Exp("THREATEN", "Iran", "United States", "asserted")],
        [("ASSAULT", "United States", "Iran")],
    ),
    (
        "accuse-obstruct",
        "Badan Energi Atom Internasional menuduh Iran menghalangi inspeksi di fasilitas Fordow.",
        [Exp("ACCUSE", "International Atomic Energy Agency", "Iran", "asserted")],
        [],
    ),
    (
        "reject-resolution",
        "Iran menolak resolusi Dewan Gubernur Badan Energi Atom Internasional.",
        [Exp("REJECT", "Iran", "@Dewan Gubernur Badan Energi Atom Internasional", "asserted")],
        [],
    ),
    (
        "urge-vaccinate",
        "WHO mendesak pemerintah Brasil mempercepat vaksinasi dengue di daerah wabah.",
        [Exp("REQUEST", "World Health Organization", "Brazil", "asserted")],
        [],
    ),
    (
        "sport-sanction",
        "FIFA menjatuhkan sanksi kepada PSSI karena kerusuhan suporter di stadion.",
        [Exp("SANCTION", "FIFA", "Football Association of Indonesia", "asserted")],
        [],
    ),
    # ---------------------------------------------------------------- status and source
    (
        "anonymous-accusation",
        "Menurut seorang diplomat yang enggan disebut namanya, Qatar menuduh Israel menghambat perundingan.",
        [Exp("ACCUSE", "Qatar", "Israel", "asserted", "anonymous")],
        [],
    ),
    (
        "anonymous-transfer",
        "Seorang pejabat senior yang tidak mau disebut namanya mengatakan China telah memasok drone kepada "
        "Rusia.",
        [Exp("AID", "China", "Russia", "asserted", "anonymous")],
        [],
    ),
    (
        "feared-attack",
        "Korea Utara dikhawatirkan akan menyerang Korea Selatan dalam waktu dekat.",
        [Exp("ASSAULT", "North Korea", "South Korea", "potential")],
        [],
    ),
    (
        "could-sanction",
        "Uni Eropa berpotensi menjatuhkan sanksi terhadap Georgia.",
        [Exp("SANCTION", "European Union", "Georgia", "potential")],
        [],
    ),
    (
        "likely-aid",
        "Amerika Serikat kemungkinan akan memberikan bantuan militer kepada Filipina.",
        [Exp("AID", "United States", "Philippines", "potential")],
        [],
    ),
    # ---------------------------------------------------------------- round 3: precision
    (
        "ministry-acts-for-state",
        "Kementerian Kesehatan mengirim obat-obatan ke Jawa Barat untuk menangani wabah demam berdarah.",
        [Exp("AID", "Indonesia", "West Java", "asserted")],
        [("AID", "Ministry of Health of Indonesia", "West Java")],
    ),
    (
        "place-after-di-is-no-target",
        "Presiden Prabowo dan Perdana Menteri Jepang bertemu di Tokyo pada Senin.",
        [Exp("CONSULT", "Indonesia", "Japan", "asserted")],
        [("CONSULT", "Japan", "Tokyo")],
    ),
    (
        "truce-with-purpose",
        "Thailand dan Kamboja menandatangani perjanjian gencatan senjata untuk memungkinkan pengiriman bantuan "
        "kemanusiaan ke wilayah perbatasan.",
        [Exp("AGREE", "Thailand", "Cambodia", "asserted")],
        [("AID", "Thailand", "Cambodia")],
    ),
    (
        "hosting-a-summit",
        "Italia menjadi tuan rumah KTT G7 dan mengundang Presiden Brasil serta Perdana Menteri India.",
        [Exp("CONSULT", "Italy", "Brazil"), Exp("CONSULT", "Italy", "India")],
        [("CONSULT", "Italy", "G7")],
    ),
    (
        "coordination-is-consult",
        '"Kami sudah berkoordinasi dengan Badan SAR Nasional," kata Menteri Sosial Tri Rismaharini.',
        [Exp("CONSULT", "Indonesia", "@Badan SAR Nasional", "asserted", "Tri Rismaharini")],
        [("COOPERATE", "Indonesia", "@Badan SAR Nasional")],
    ),
    # ---------------------------------------------------------------- round 3: recall
    (
        "relief-goods-listed",
        "Australia menyalurkan tenda, selimut, dan makanan siap saji kepada Indonesia.",
        [Exp("AID", "Australia", "Indonesia", "asserted")],
        [],
    ),
    (
        "rescue-if-asked",
        "Jepang siap mengirim tim penyelamat apabila diminta oleh pemerintah Turki.",
        [Exp("AID", "Japan", "Turkey", "hypothetical")],
        [],
    ),
    (
        "technical-support-offer",
        "Uni Eropa menawarkan dukungan teknis kepada Indonesia.",
        [Exp("AID", "European Union", "Indonesia", "potential")],
        [],
    ),
    (
        "mediators",
        "Swiss dan Norwegia memediasi perundingan antara pemerintah Kolombia dan ELN di Havana.",
        [
            Exp("CONSULT", "Switzerland", "Colombia"),
            Exp("CONSULT", "Norway", "Colombia"),
            Exp("CONSULT", "Switzerland", "@ELN"),
            Exp("CONSULT", "Norway", "@ELN"),
        ],
        [],
    ),
    (
        "accountability-threat",
        "Menteri Luar Negeri Australia mengatakan negaranya akan meminta pertanggungjawaban Myanmar.",
        [Exp("THREATEN", "Australia", "Myanmar", "asserted")],
        [("REQUEST", "Australia", "Myanmar")],
    ),
    (
        "options-on-the-table",
        "Amerika Serikat menegaskan semua opsi tetap ada di atas meja jika Venezuela menolak pemilu ulang.",
        [Exp("THREATEN", "United States", "Venezuela", "asserted")],
        [],
    ),
    (
        "firm-response",
        "Brasil akan memberikan respons yang tegas apabila Argentina menutup perbatasan.",
        [Exp("THREATEN", "Brazil", "Argentina", "asserted")],
        [],
    ),
    (
        "resolution-condemns",
        "Parlemen Eropa mengesahkan resolusi yang mengecam Hungaria.",
        [Exp("ACCUSE", "European Parliament", "Hungary", "asserted")],
        [],
    ),
    (
        "regret",
        "Kementerian Luar Negeri Malaysia menyesalkan langkah Singapura.",
        [Exp("ACCUSE", "Malaysia", "Singapore", "asserted")],
        [],
    ),
    (
        "ruling-upholds-complaint",
        "Panel WTO memenangkan gugatan Kanada terhadap Amerika Serikat.",
        [
            Exp("ACCUSE", "Canada", "United States"),
            Exp("ACCUSE", "World Trade Organization", "United States"),
        ],
        [],
    ),
    (
        "appeal-to-body",
        "Australia mengajukan banding ke Badan Banding WTO atas putusan panel.",
        [Exp("REJECT", "Australia", "@Badan Banding WTO", "asserted")],
        [],
    ),
    (
        "missile-launch-at-sea",
        "Korea Utara menembakkan rudal balistik antarbenua ke Laut Jepang, Selasa.",
        [Exp("MOBILIZE", "North Korea", None, "asserted")],
        [],
    ),
    (
        "centrifuges-likely",
        "Iran kemungkinan akan memasang sentrifus baru di Natanz.",
        [Exp("MOBILIZE", "Iran", None, "potential")],
        [],
    ),
    (
        "export-restrictions",
        "Pembatasan ekspor bahan kimia yang diberlakukan Jepang terhadap Korea Selatan masih berlaku.",
        [Exp("SANCTION", "Japan", "South Korea", "asserted")],
        [],
    ),
    (
        "retaliatory-duties-if",
        "China dapat mengenakan bea masuk balasan terhadap produk Kanada apabila Ottawa tidak mencabut tarif.",
        [Exp("SANCTION", "China", "Canada", "hypothetical")],
        [],
    ),
    (
        "open-channel",
        "Pakistan tetap membuka jalur diplomasi dengan India.",
        [Exp("CONSULT", "Pakistan", "India", "potential")],
        [],
    ),
    (
        "seizure-from-vessel",
        "Angkatan Laut Sri Lanka merampas senapan dari kapal nelayan India.",
        [Exp("COERCE", "Sri Lanka", "India", "asserted")],
        [],
    ),
    # ---------------------------------------------------------------- round 4: exercises, protests, force
    (
        "joint-exercise",
        "Angkatan Laut Indonesia dan Australia menggelar latihan militer bersama di Laut Arafura.",
        [Exp("COOPERATE", "Indonesia", "Australia", "asserted")],
        [],
    ),
    (
        "joint-patrol",
        "Singapura dan Malaysia menggelar patroli gabungan di Selat Johor.",
        [Exp("COOPERATE", "Singapore", "Malaysia", "asserted")],
        [],
    ),
    (
        "protest-note",
        "Kementerian Luar Negeri Vietnam menyampaikan nota protes kepada China atas pembangunan pulau buatan "
        "di Kepulauan Spratly.",
        [Exp("ACCUSE", "Vietnam", "China", "asserted")],
        [],
    ),
    (
        "summon-ambassador",
        "Kementerian Luar Negeri Belanda memanggil duta besar Iran setelah penangkapan seorang jurnalis "
        "Belanda di Teheran.",
        [Exp("ACCUSE", "Netherlands", "Iran", "asserted")],
        [("COERCE", "Netherlands", None)],
    ),
    (
        "rail-strike",
        "Serikat Pekerja Kereta Api Inggris melakukan mogok kerja selama tiga hari.",
        [Exp("PROTEST", "@Serikat Pekerja Kereta Api Inggris", None, "asserted")],
        [],
    ),
    (
        "party-demo",
        "Partai Buruh berdemo di depan Istana Negara menolak kenaikan harga BBM.",
        [Exp("PROTEST", "@Partai Buruh", "Indonesia", "asserted")],  # in front of the palace: the government
        [],
    ),
    (
        "asset-freeze",
        "Kanada membekukan aset milik pejabat junta Myanmar.",
        [Exp("SANCTION", "Canada", "Myanmar", "asserted")],
        [],
    ),
    (
        "recall-ambassador",
        "Kolombia menarik duta besarnya dari Israel sebagai protes atas operasi militer di Gaza.",
        [Exp("SANCTION", "Colombia", "Israel", "asserted")],
        [],
    ),
    (
        "deploy-warships",
        "India mengerahkan kapal perang ke Laut Arab setelah serangan terhadap kapal dagang.",
        [Exp("MOBILIZE", "India", None, "asserted")],
        [],
    ),
    (
        "alert-troops",
        "Taiwan menyiagakan pasukan setelah China menggelar latihan di sekitar pulau itu.",
        [Exp("MOBILIZE", "Taiwan", None, "asserted")],
        [],
    ),
    (
        "hijack",
        "Militan Houthi membajak kapal kargo milik Jepang di Laut Merah.",
        [Exp("COERCE", "@Houthi", "Japan", "asserted")],
        [],
    ),
    (
        "exchange-of-fire",
        "Tentara Thailand dan Kamboja terlibat baku tembak di perbatasan kedua negara.",
        [Exp("ASSAULT", "Thailand", "Cambodia", "asserted")],
        [],
    ),
    (
        "clash",
        "Pasukan Armenia bentrok dengan pasukan Azerbaijan di wilayah perbatasan.",
        [Exp("ASSAULT", "Armenia", "Azerbaijan", "asserted")],
        [],
    ),
    (
        "fight",
        "Pakistan dan Afghanistan bertempur di perlintasan perbatasan Torkham.",
        [Exp("ASSAULT", "Pakistan", "Afghanistan", "asserted")],
        [],
    ),
    (
        "killing",
        "Serangan drone Rusia menewaskan empat warga sipil Ukraina di Odesa.",
        [Exp("ASSAULT", "Russia", "Ukraine", "asserted")],
        [],
    ),
    (
        "storming",
        "Pasukan Kolombia menyerbu markas kelompok pemberontak ELN di Arauca.",
        [Exp("ASSAULT", "Colombia", "@ELN", "asserted")],
        [],
    ),
    (
        "hostage-taking",
        "Kelompok bersenjata Abu Sayyaf menyandera lima nelayan Malaysia di perairan Sabah.",
        [Exp("ASSAULT", "@Abu Sayyaf", "Malaysia", "asserted")],
        [],
    ),
    (
        "firing-at-protesters",
        "Polisi Kenya menembaki para pengunjuk rasa di Nairobi.",
        [Exp("ASSAULT", "Kenya", None, "asserted")],
        [("PROTEST", "Kenya", None)],
    ),
    # ---------------------------------------------------------------- parties the gazetteer links
    (
        "unknown-force-acts-for-state",
        "Pasukan Thailand menyerang pos tentara Myanmar di perbatasan.",
        [Exp("ASSAULT", "Thailand", "Myanmar", "asserted")],
        [],
    ),
    (
        "commission-acts-for-union",
        "Komisi Eropa mengecam Indonesia atas larangan ekspor nikel.",
        [Exp("ACCUSE", "European Union", "Indonesia", "asserted")],
        [("ACCUSE", "European Commission", "Indonesia")],
    ),
    (
        "arrest-noun-possessor-is-target",
        "Penangkapan nelayan Vietnam oleh China memicu protes.",
        [Exp("COERCE", "China", "Vietnam", "asserted")],
        [],
    ),
    (
        "veto-is-cast-in-the-council",
        "Tiongkok memveto rancangan resolusi PBB tentang Myanmar.",
        [Exp("REJECT", "China", "United Nations Security Council", "asserted")],
        [("REJECT", "China", "United Nations")],
    ),
    (
        "since-clause-has-its-own-subject",
        "Presiden Joko Widodo bertemu Perdana Menteri Fumio Kishida. Sejak Jepang menyalurkan bantuan pangan "
        "ke Indonesia, hubungan kedua negara membaik.",
        [Exp("CONSULT", "Indonesia", "Japan", "asserted"), Exp("AID", "Japan", "Indonesia", "asserted")],
        [("AID", "Indonesia", "Indonesia")],
    ),
    # ---------------------------------------------------------------- common triggers per PLOVER type
    (
        "supply-grain",
        "Rusia menyuplai gandum ke Mesir melalui Laut Hitam.",
        [Exp("AID", "Russia", "Egypt", "asserted")],
        [],
    ),
    (
        "lend-funds",
        "Jepang meminjamkan dana darurat kepada Sri Lanka.",
        [Exp("AID", "Japan", "Sri Lanka", "asserted")],
        [],
    ),
    (
        "face-to-face",
        "Presiden Prabowo bertatap muka dengan Perdana Menteri Anthony Albanese di Canberra.",
        [Exp("CONSULT", "Indonesia", "Australia", "asserted")],
        [],
    ),
    (
        "solidarity",
        "Indonesia menyatakan solidaritas dengan Turki setelah gempa besar.",
        [Exp("SUPPORT", "Indonesia", "Turkey", "asserted")],
        [],
    ),
    (
        "recognition",
        "Spanyol, Irlandia, dan Norwegia mengakui kemerdekaan Palestina.",
        [
            Exp("SUPPORT", "Spain", "Palestine", "asserted"),
            Exp("SUPPORT", "Ireland", "Palestine", "asserted"),
            Exp("SUPPORT", "Norway", "Palestine", "asserted"),
        ],
        [],
    ),
    (
        "leave-bloc",
        "Burkina Faso menarik diri dari ECOWAS.",
        [Exp("RETREAT", "Burkina Faso", "@ECOWAS", "asserted")],
        [],
    ),
    (
        "surrender",
        "Pemberontak Houthi menyerah kepada pasukan Arab Saudi.",
        [Exp("RETREAT", "@Houthi", "Saudi Arabia", "asserted")],
        [],
    ),
    (
        "invite-to-act",
        "Paus Fransiskus mengajak Israel dan Hamas untuk menghentikan pertempuran.",
        [
            Exp("REQUEST", "Holy See", "Israel", "asserted"),
            Exp("REQUEST", "Holy See", "Hamas", "asserted"),
        ],
        [],
    ),
    (
        "jibe",
        "Presiden Brasil Lula menyindir Amerika Serikat soal tarif impor baja.",
        [Exp("ACCUSE", "Brazil", "United States", "asserted")],
        [],
    ),
    (
        "bluff",
        "Korea Utara menggertak Korea Selatan dengan latihan artileri di perbatasan.",
        [Exp("THREATEN", "North Korea", "South Korea", "asserted")],
        [],
    ),
    (
        "travel-ban",
        "Imigrasi Thailand mencekal dua warga Rusia yang dituduh menipu.",
        [Exp("COERCE", "Thailand", "Russia", "asserted")],
        [],
    ),
    (
        "jailing",
        "Polisi Myanmar memenjarakan jurnalis Jepang Toru Kubota.",
        [Exp("COERCE", "Myanmar", "Japan", "asserted")],
        [],
    ),
    (
        "beating",
        "Polisi Prancis menganiaya seorang warga Aljazair di Paris.",
        [Exp("ASSAULT", "France", "Algeria", "asserted")],
        [],
    ),
    (
        "blast",
        "Militan Houthi meledakkan kapal tanker Yunani di Laut Merah.",
        [Exp("ASSAULT", "@Houthi", "Greece", "asserted")],
        [],
    ),
    # ---------------------------------------------------------------- bodies named by a bare common noun
    (
        "bare-police-after-named-police",
        "Kapolda Sulawesi Tengah Irjen Agus Nugroho mengatakan kasus itu ditangani Kepolisian Daerah "
        "Sulawesi Tengah. Polisi menahan lima warga Desa Torete pada Senin.",
        [Exp("COERCE", "@Kepolisian Daerah Sulawesi Tengah", "Torete", "asserted")],
        [],
    ),
    (
        "bare-police-home-state",
        "Polisi menangkap tiga tersangka pengedar narkoba di Surabaya, Jawa Timur, Selasa (4/6).",
        [Exp("COERCE", "Indonesian National Police", None, "asserted")],
        [],
    ),
    (
        "bare-military-own-city",
        "Pasukan Dukungan Cepat (RSF) menuduh militer Sudan melanggar gencatan senjata. Militer membombardir "
        "permukiman warga di Khartoum dengan pesawat tempur.",
        [
            Exp("ACCUSE", "Rapid Support Forces", "Sudan", "asserted"),
            Exp("ASSAULT", "Sudan", "Khartoum", "asserted"),
        ],
        [("ASSAULT", "Rapid Support Forces", None)],
    ),
    (
        "accused-bare-military",
        "Juru bicara kelompok pemberontak menuduh militer Myanmar membombardir sebuah desa di Sagaing.",
        [Exp("ASSAULT", "Myanmar", "@Sagaing", "asserted")],
        [],
    ),
    (
        "protest-in-front-of-ministry",
        "Ratusan anggota Serikat Nelayan Nusantara berunjuk rasa di depan kantor Kementerian Kelautan dan "
        "Perikanan, Jakarta, Selasa, menuntut pemerintah mencabut aturan kuota tangkap.",
        [
            Exp("PROTEST", "@Serikat Nelayan Nusantara", "Indonesia", "asserted"),
            Exp("REQUEST", "@Serikat Nelayan Nusantara", "Indonesia", "asserted"),
        ],
        [("REQUEST", "Jakarta", "Indonesia")],
    ),
    (
        "drill-around-a-state",
        "China menggelar latihan militer besar-besaran di sekitar Taiwan pada Senin.",
        [Exp("MOBILIZE", "China", "Taiwan", "asserted")],
        [],
    ),
    (
        "announced-withdrawal",
        "Rusia akan menarik pasukannya dari perbatasan Armenia dalam dua bulan.",
        [Exp("RETREAT", "Russia", "Armenia", "planned")],
        [("CONCEDE", "Russia", "Armenia")],
    ),
    (
        "conditional-action-threat",
        "Menteri Luar Negeri Filipina menegaskan Manila akan bertindak tegas bila kapal China kembali memasuki "
        "perairan Filipina.",
        [Exp("THREATEN", "Philippines", "China", "asserted")],
        [],
    ),
    (
        "warning-carrying-threat",
        "Juru bicara Kementerian Luar Negeri Iran memperingatkan Iran akan mengambil langkah tegas jika Israel "
        "menyerang fasilitas nuklirnya.",
        [Exp("THREATEN", "Iran", "Israel", "asserted")],
        [("REQUEST", "Iran", "Iran")],
    ),
    (
        "reply-with-strikes",
        "Pakistan membalas dengan serangan udara ke wilayah Afghanistan pada Minggu malam.",
        [Exp("ASSAULT", "Pakistan", "Afghanistan", "asserted")],
        [],
    ),
    (
        "deploy-personnel",
        "Tentara Thailand mengerahkan sekitar 3.000 personel ke perbatasan pada Selasa.",
        [Exp("MOBILIZE", "Thailand", None, "asserted")],
        [],
    ),
    (
        "import-brought-in",
        "Pemerintah mendatangkan 500.000 ton gandum dari Australia bulan lalu, kata Menteri Perdagangan Indonesia.",
        [Exp("AID", "Australia", "Indonesia", "asserted")],
        [],
    ),
    (
        "mortar-fire",
        "Hizbullah menembakkan tiga mortir ke pangkalan militer Israel di Dataran Tinggi Golan.",
        [Exp("ASSAULT", "Hezbollah", "Israel", "asserted")],
        [],
    ),
    (
        "subject-before-bracketed-date",
        "Menteri Luar Negeri Inggris David Lammy, Senin (29/7), meminta Israel membuka akses bantuan ke Gaza.",
        [Exp("REQUEST", "United Kingdom", "Israel", "asserted", "David Lammy")],
        [],
    ),
    (
        "subject-before-relative-clause",
        "Norwegia, yang selama ini menjadi penengah, ikut mendesak Kolombia melanjutkan perundingan damai.",
        [
            Exp("REQUEST", "Norway", "Colombia", "asserted"),
            Exp("CONSULT", "Norway", "Colombia"),
        ],  # the mediator
        [],
    ),
    (
        "own-forces-fire-at-flagged-ship",
        "Juru bicara militer Houthi mengklaim pasukannya menembakkan rudal ke sebuah kapal tanker berbendera "
        "Norwegia di Laut Merah.",
        [Exp("ASSAULT", "Houthis", "Norway", "asserted")],
        [],
    ),
    (
        "shared-subject-after-tetapi",
        "Malaysia menawarkan bantuan pesawat pemadam, tetapi Indonesia menghargai tawaran itu dan menolaknya.",
        [Exp("REJECT", "Indonesia", "Malaysia", "asserted")],
        [],
    ),
    (
        "member-of-a-group-accuses",
        "Anggota parlemen dari Hamas, Basem Naim, menuduh Israel telah melanggar gencatan senjata.",
        [Exp("ACCUSE", "Hamas", "Israel", "asserted", "Basem Naim")],
        [],
    ),
    (
        "condemned-drill-named-earlier",
        "Rusia menggelar latihan militer besar-besaran di dekat perbatasan Polandia pada Senin. Dua hari kemudian "
        "Bulgaria mengumumkan anggaran pertahanan baru. Pemerintah Polandia mengecam latihan tersebut.",
        [Exp("MOBILIZE", "Russia", "Poland", "asserted"), Exp("ACCUSE", "Poland", "Russia", "asserted")],
        [],
    ),
    (
        "harassed-fishermen",
        "Kapal patroli Vietnam mengganggu nelayan Kamboja di dekat Pulau Phu Quoc.",
        [Exp("COERCE", "Vietnam", "Cambodia", "asserted")],
        [],
    ),
    (
        "later-demand-keeps-its-addressee",
        "Federasi Bulu Tangkis Indonesia meminta BWF meninjau ulang jadwal turnamen. Federasi itu juga "
        "mempertimbangkan untuk meminta agar laga final dipindah ke Jakarta, kata ketuanya.",
        [Exp("REQUEST", "@Federasi Bulu Tangkis Indonesia", "@BWF")],
        [],
    ),
    (
        "passive-transfer-by-the-speakers-side",
        "Gubernur Nusa Tenggara Timur mengatakan tenda darurat telah dikirim ke Kabupaten Flores Timur. "
        '"Tambahan 500 tenda akan dikirim ke Kabupaten Sikka besok," kata Kepala BNPB Suharyanto.',
        [
            Exp("AID", "East Nusa Tenggara", "East Flores Regency"),
            Exp("AID", "Indonesia", "Sikka Regency", "planned"),
        ],
        [],
    ),
    (
        "foreign-relief-without-recipient",
        "Gempa bermagnitudo 6,2 mengguncang Kabupaten Cianjur, Jawa Barat. Jepang menawarkan bantuan tim "
        "penyelamat dan tenda untuk mendukung penanganan korban.",
        [Exp("AID", "Japan", "Indonesia", "potential")],
        [],
    ),
    (
        "tear-gas-is-repression",
        "Kepolisian Daerah Sumatera Utara menembakkan gas air mata untuk membubarkan massa Aliansi Petani Deli "
        "di depan kantor gubernur.",
        [Exp("COERCE", "@Kepolisian Daerah Sumatera Utara", "@Aliansi Petani Deli", "asserted")],
        [("ASSAULT", "@Kepolisian Daerah Sumatera Utara", None)],
    ),
    (
        "arrested-by-bare-police",
        "Kepolisian Daerah Sumatera Utara menyatakan situasi sudah terkendali. Tiga anggota Aliansi Petani Deli "
        "ditangkap polisi pada Selasa malam.",
        [Exp("COERCE", "@Kepolisian Daerah Sumatera Utara", "@Aliansi Petani Deli", "asserted")],
        [],
    ),
    (
        "wont-go-unanswered",
        "Juru bicara Kementerian Luar Negeri Iran menegaskan bahwa setiap serangan Israel terhadap wilayah Iran "
        "tidak akan dibiarkan tanpa jawaban.",
        [Exp("THREATEN", "Iran", "Israel", "asserted")],
        [("THREATEN", "Israel", "Iran")],
    ),
    (
        "will-be-answered-harshly",
        "Presiden Azerbaijan Ilham Aliyev mengatakan setiap provokasi Armenia di perbatasan akan dibalas dengan keras.",
        [Exp("THREATEN", "Azerbaijan", "Armenia", "asserted", "Ilham Aliyev")],
        [],
    ),
    (
        "envoy-arrives",
        "Utusan khusus PBB untuk Myanmar dijadwalkan tiba di Bangkok pekan depan untuk bertemu pejabat Thailand.",
        [Exp("CONSULT", "United Nations", "Thailand", "planned")],
        [],
    ),
    (
        "goods-arrive-no-visit",
        "Kapal pengangkut bantuan kemanusiaan tiba di Pelabuhan Ashdod, Israel, pada Senin.",
        [],
        [("CONSULT", None, "Israel")],
    ),
    (
        "guest-received-by-host",
        "Perdana Menteri Malaysia Anwar Ibrahim diterima Presiden Prabowo Subianto di Istana Merdeka, Jakarta.",
        [Exp("CONSULT", "Malaysia", "Indonesia", "asserted")],
        [("CONSULT", "Indonesia", "Malaysia")],
    ),
    (
        "quoted-label-without-sebagai",
        'Kementerian Luar Negeri China menyebut laporan Jepang itu "propaganda murahan".',
        [Exp("ACCUSE", "China", "Japan", "asserted")],
        [],
    ),
    (
        "lawsuit-filed-at-a-court",
        "Serikat Buruh Garmen menggugat PT Busana Prima ke Pengadilan Hubungan Industrial pekan lalu.",
        [Exp("ACCUSE", "@Serikat Buruh Garmen", "@PT Busana Prima")],
        [("ACCUSE", "@Serikat Buruh Garmen", "Indonesia")],
    ),
    (
        "relief-to-a-besieged-city",
        "Program Pangan Dunia akan mengirim 40 truk bantuan pangan ke Damaskus pekan depan.",
        [Exp("AID", "World Food Programme", "Damascus", "planned")],
        [("AID", "World Food Programme", "Syria")],
    ),
    (
        "promised-weapons",
        "Prancis menjanjikan 12 unit howitzer Caesar tambahan kepada Ukraina.",
        [Exp("AID", "France", "Ukraine", "planned")],
        [],
    ),
    (
        "asking-the-centre-for-money",
        "Pemerintah Provinsi Nusa Tenggara Barat meminta tambahan dana darurat dari pemerintah pusat.",
        [Exp("REQUEST", "West Nusa Tenggara", "Indonesia", "asserted")],
        [],
    ),
    (
        "invitation-without-untuk",
        "Presiden Prabowo mengajak Turki bersama-sama mendorong gencatan senjata di Gaza.",
        [Exp("REQUEST", "Indonesia", "Turkey", "asserted")],
        [],
    ),
    (
        "attack-on-a-foreign-city",
        "Drone Ukraina menyerang kilang minyak di Saratov pada Selasa dini hari.",
        [Exp("ASSAULT", "Ukraine", "Russia", "asserted")],
        [],
    ),
    (
        "provincial-government-gives",
        "Pemerintah Provinsi Jawa Tengah menggelar rapat darurat. Gubernur Jawa Tengah mengatakan "
        "pemerintah provinsi akan mengucurkan dana Rp 15 miliar ke Kabupaten Demak.",
        [Exp("AID", "Central Java", "Demak Regency", "planned")],
        [("AID", "Indonesia", "Demak Regency")],
    ),
    (
        "threat-to-nobody-named",
        "Partai Buruh mengancam akan menggugat undang-undang itu ke Mahkamah Konstitusi.",
        [Exp("THREATEN", "@Partai Buruh", None, "asserted")],
        [],
    ),
    (
        "open-threat-is-the-addressed-one",
        "Taliban mengancam akan memperluas serangan. Taliban juga mengancam Pakistan dengan serangan balasan.",
        [Exp("THREATEN", "@Taliban", "Pakistan", "asserted")],
        [("THREATEN", "@Taliban", None)],
    ),
    (
        "agentive-passive-in-a-quote",
        'Rusia berjanji membantu Korea Utara. "Amunisi tambahan akan kami kirim ke Korea Utara bulan depan," '
        'kata Menteri Luar Negeri Rusia Sergei Lavrov. "Usulan Amerika Serikat itu sudah kami tolak," '
        "kata Lavrov.",
        [
            Exp("AID", "Russia", "North Korea", "planned", "Sergei Lavrov"),
            Exp("REJECT", "Russia", "United States", "asserted", "Sergei Lavrov"),
        ],
        [],
    ),
    (
        "nothing-of-the-kind-exists",
        'Polda Metro Jaya membantah tuduhan itu. "Tidak ada satu pun mahasiswa yang kami tangkap," kata '
        "juru bicara Polda Metro Jaya.",
        [Exp("COERCE", "@Polda Metro Jaya", None, "denied")],
        [],
    ),
    (
        "party-named-again-by-its-kind",
        "Kelompok Taliban menyerbu pos militer Pakistan pekan lalu. Pakistan kemudian membalas dengan "
        "menggempur markas kelompok itu di Provinsi Khost.",
        [Exp("ASSAULT", "@Taliban", "Pakistan"), Exp("ASSAULT", "Pakistan", "@Taliban")],
        [],
    ),
    (
        "dateline-with-agency",
        "KABUL (ANTARA) – Taliban mengancam akan memperluas serangan di perbatasan.",
        [Exp("THREATEN", "@Taliban", None, "asserted", "@Taliban")],
        [("THREATEN", "Afghanistan", None)],
    ),
    (
        "aid-for-victims-in-a-place",
        "Pemerintah Selandia Baru mengumumkan bantuan senilai 5 juta dolar untuk korban banjir di Fiji.",
        [Exp("AID", "New Zealand", "Fiji")],
        [],
    ),
    (
        "import-restriction-from-a-state",
        "Menteri Perdagangan Malaysia mengatakan negaranya akan membatasi impor baja dari China mulai Juli.",
        [Exp("SANCTION", "Malaysia", "China", "planned")],
        [],
    ),
    (
        "the-opposition-named-earlier",
        "Koalisi oposisi Gerakan Rakyat Merdeka (GRM) menolak hasil pemilu. Presiden Venezuela Nicolás Maduro "
        "menuding oposisi tengah merancang kudeta.",
        [Exp("ACCUSE", "Venezuela", "@Gerakan Rakyat Merdeka", "asserted", "Nicolás Maduro")],
        [],
    ),
    (
        "summoning-both-sides",
        "Serikat Pekerja Logam Sejahtera (SPLS) menuduh PT Baja Prima Utama memotong upah lembur. PT Baja Prima "
        "Utama membantah tuduhan itu. Ketua Bawaslu Kabupaten Karimun Yusuf Hamdi mengatakan Komnas HAM akan "
        "memanggil kedua belah pihak pekan depan.",
        [
            Exp("ACCUSE", "@Serikat Pekerja Logam Sejahtera", "@PT Baja Prima Utama"),
            Exp("CONSULT", "@Komnas HAM", "@Serikat Pekerja Logam Sejahtera", "planned"),
            Exp("CONSULT", "@Komnas HAM", "@PT Baja Prima Utama", "planned"),
        ],
        [],
    ),
    (
        "election-bodies-act-as-themselves",
        "Bawaslu meminta KPU menunda penetapan hasil pemilu di tiga kabupaten.",
        [Exp("REQUEST", "@Bawaslu", "@KPU", "asserted")],
        [("REQUEST", "Indonesia", "@KPU")],
    ),
    (
        "rejecting-a-statement",
        "Kementerian Luar Negeri Vietnam menepis kritik Kamboja atas proyek kanal Funan Techo.",
        [Exp("REJECT", "Vietnam", "Cambodia", "asserted")],
        [],
    ),
    (
        "denying-an-owned-allegation",
        "Serbia membantah tuduhan Ukraina bahwa Beograd menjual amunisi ke Rusia.",
        [Exp("AID", "Serbia", "Russia", "denied", "Serbia")],
        [("REJECT", "Serbia", "Ukraine")],
    ),
    (
        "denying-an-unowned-report",
        "Iran menepis laporan yang menyebut Teheran mengirim drone ke Sudan.",
        [Exp("AID", "Iran", "Sudan", "denied", "Iran")],
        [],
    ),
    (
        "quoted-words-inside-a-trigger",
        'Menteri Pertahanan Korea Selatan memperingatkan bahwa Seoul akan mengambil "tindakan yang lebih tegas" '
        "jika Korea Utara terus menerbangkan balon sampah.",
        [Exp("THREATEN", "South Korea", "North Korea", "asserted")],
        [],
    ),
    (
        "what-we-own-is-hit",
        '"Mereka kembali membombardir jaringan listrik kami pada malam hari," kata Menteri Energi Ukraina '
        "Herman Halushchenko merujuk pada Rusia.",
        [],
        [("ASSAULT", "Russia", None)],
    ),
    (
        "denial-of-coordinated-subjects",
        "Juru bicara pemerintah Kenya membantah bahwa polisi dan Garda Nasional menembaki para demonstran di "
        "Nairobi.",
        [Exp("ASSAULT", "Kenya", None, "denied")],
        [("ASSAULT", "@Garda Nasional", None)],
    ),
    (
        "acronym-from-another-language",
        "Kelompok oposisi Aliansi Rakyat untuk Perubahan (APC) menolak hasil pemilu. APC juga menggelar unjuk "
        "rasa di ibu kota.",
        [Exp("PROTEST", "@Aliansi Rakyat untuk Perubahan", None, "asserted")],  # the acronym is that body
        [],
    ),
]


@pytest.fixture(scope="module")
def real_nlp() -> Language:
    from sorot.runner import Analyzer

    return Analyzer().nlp  # a broken pipeline must fail these tests, not skip them


def _show(events: list[Event]) -> list[tuple[str, str | None, str | None, str, str | None]]:
    return [(e.type, e.actor, e.target, e.status, e.source) for e in events]


@pytest.mark.parametrize(("case", "text", "expected", "absent"), CASES, ids=[c[0] for c in CASES])
def test_general_sentence(
    real_nlp: Language,
    case: str,
    text: str,
    expected: list[Exp],
    absent: list[tuple[str, str | None, str | None]],
) -> None:
    doc = real_nlp(text)
    events = list(doc._.events)
    infos = doc._.entities or {}
    names = {ent.text: infos[ent.kb_id_].name for ent in doc.ents if ent.kb_id_ in infos}

    def resolve(value: str | None) -> str | None:
        if value is None or not value.startswith("@"):
            return value
        assert value[1:] in names, f"{case}: the linker does not mark {value[1:]!r} ({names})"
        return names[value[1:]]

    expected = [
        Exp(x.type, str(resolve(x.actor)), resolve(x.target), x.status, resolve(x.source), x.date)
        for x in expected
    ]
    absent = [(t, resolve(a), resolve(b)) for t, a, b in absent]
    for exp in expected:
        found = [e for e in events if (e.type, e.actor, e.target) == (exp.type, exp.actor, exp.target)]
        assert found, f"{case}: missing {exp} in {_show(events)}"
        e = found[0]
        if exp.status is not None:
            assert e.status == exp.status, f"{case}: status {e.status} for {exp}"
        if exp.source is not None:
            assert e.source == (None if exp.source == "-" else exp.source), f"{case}: source {e.source}"
        if exp.date is not None:
            assert e.date == exp.date, f"{case}: date {e.date}"
    got = {(e.type, e.actor, e.target) for e in events}
    for bad in absent:
        assert bad not in got, f"{case}: {bad} must not be coded in {_show(events)}"
    # precision: nothing coded with an actor or target the sentence does not make a party
    wanted = {(x.type, x.actor, x.target) for x in expected}
    extra = [e for e in events if (e.type, e.actor, e.target) not in wanted]
    assert not extra, f"{case}: unexpected {_show(extra)}"


def test_lead_happening_takes_the_story_date(real_nlp: Language) -> None:
    """A happening reported in the lead whose date hangs after the reporting clause ("..., kata X, Rabu
    (12/3)") took place on the story's date."""
    text = (
        "Kapal patroli Malaysia menabrak sebuah kapal nelayan Indonesia di Selat Malaka, kata pejabat "
        "Badan Keamanan Laut kepada wartawan, Rabu (12/3).\n\n"
        "Insiden itu terjadi ketika kapal nelayan tersebut sedang menebar jaring di perairan sengketa."
    )
    doc = real_nlp.make_doc(text)
    doc._.published = "2025-03-13"
    events = list(real_nlp(doc)._.events)
    found = [e for e in events if (e.type, e.actor, e.target) == ("ASSAULT", "Malaysia", "Indonesia")]
    assert found, _show(events)
    assert found[0].date == "2025-03-12"


def test_headline_without_target_folds_into_body(real_nlp: Language) -> None:
    """A headline event without a target adds nothing when the body names it in full, and an elliptic one
    ("Ditahan ...") with no body counterpart is not coded."""
    text = (
        "Vietnam Kecam China, Nelayan Ditahan\n\n"
        "Kementerian Luar Negeri Vietnam mengecam China atas penahanan nelayan di Kepulauan Paracel."
    )
    events = list(real_nlp(text)._.events)
    assert ("ACCUSE", "Vietnam", "China") in {(e.type, e.actor, e.target) for e in events}, _show(events)
    assert all(e.target is not None for e in events if e.type != "MOBILIZE"), _show(events)


def test_both_countries_are_not_one(real_nlp: Language) -> None:
    """ "Kedua negara itu" names the pair, not the last country named: the agreement joins both."""
    text = (
        "Menteri Luar Negeri Jepang bertemu Menteri Luar Negeri Korea Selatan di Tokyo. Kedua negara itu "
        "menandatangani perjanjian kerja sama pertahanan."
    )
    events = list(real_nlp(text)._.events)
    pairs = {frozenset((e.actor, e.target)) for e in events if e.type == "AGREE"}
    assert pairs == {frozenset(("Japan", "South Korea"))}, _show(events)


def test_moving_weapons_is_mobilize_and_its_denial_is_coded(real_nlp: Language) -> None:
    """ "memindahkan peluncur rudal ke ..." moves forces (MOBILIZE); the accuser is its source and the
    accused's denial of "tuduhan itu" codes the same event as denied."""
    text = (
        "Militer Filipina menuduh China memindahkan peluncur rudal ke pulau buatan di Laut China Selatan. "
        "China membantah tuduhan itu."
    )
    events = [e for e in real_nlp(text)._.events if e.type == "MOBILIZE"]
    assert {(e.actor, e.status) for e in events} == {("China", "asserted"), ("China", "denied")}, _show(
        events
    )
    denied = next(e for e in events if e.status == "denied")
    asserted = next(e for e in events if e.status == "asserted")
    assert denied.source == "China" and asserted.source not in (None, "China"), _show(events)
    moved_office = list(real_nlp("Pemerintah memindahkan ibu kota ke Kalimantan Timur.")._.events)
    assert not moved_office, _show(moved_office)


def test_passive_allegation_is_not_voiced_by_the_accused(real_nlp: Language) -> None:
    """ "X dituding memasok ...": X is accused, not the source; an agent after the verb is."""
    events = list(real_nlp("Kamboja dituding memasok senjata ke kelompok pemberontak Myanmar.")._.events)
    aid = [e for e in events if e.type == "AID"]
    assert aid and all(e.source is None for e in aid), _show(events)
    events = list(real_nlp("Kamboja dituding oleh Thailand memasok senjata ke Myanmar.")._.events)
    aid = [e for e in events if e.type == "AID" and e.actor == "Cambodia"]
    assert aid and aid[0].source == "Thailand", _show(events)


def test_denial_by_a_person_of_no_known_party(real_nlp: Language) -> None:
    """A denier the gazetteer does not know is still the source of the denied event."""
    text = (
        "Jaksa Agung Rudi Hartono membantah bahwa polisi dan tentara menembaki para demonstran di Mandalay."
    )
    events = [e for e in real_nlp(text)._.events if e.type == "ASSAULT"]
    assert events and all(e.status == "denied" for e in events), _show(events)
    assert {e.source for e in events} == {"Rudi Hartono"}, _show(events)


def test_the_speakers_side_owns_what_is_hit(real_nlp: Language) -> None:
    """ "menyerang sistem energi kami" in a quote: the speaker's state is the target."""
    text = '"Rusia kembali menyerang sistem energi kami di tengah musim dingin," kata Presiden Ukraina Volodymyr Zelensky.'
    events = [e for e in real_nlp(text)._.events if e.type == "ASSAULT"]
    assert [(e.actor, e.target, e.source) for e in events] == [("Russia", "Ukraine", "Volodymyr Zelensky")], (
        _show(events)
    )
