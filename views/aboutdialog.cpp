#include "aboutdialog.h"

#include "appicon.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QSysInfo>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tracedeck {

namespace {

struct Library {
    const char *name;
    const char *use;
    const char *licence;
    bool compiledIn; // header-only or statically linked: its licence travels with the binary
};

// What the binary links or compiles in (CMakeLists.txt, DESIGN.md §6).
constexpr Library kLibraries[] = {
    {"Qt 6 (Core, Gui, Widgets, Network, HttpServer, Svg)",
     QT_TRANSLATE_NOOP("tracedeck::AboutDialog", "user interface, HTTP listener"), "LGPL-3.0-only", false},
    {"SQLite", QT_TRANSLATE_NOOP("tracedeck::AboutDialog", "the store"), "Public domain", false},
    {"Protocol Buffers (libprotobuf)", QT_TRANSLATE_NOOP("tracedeck::AboutDialog", "OTLP protobuf"),
     "BSD-3-Clause", false},
    {"zlib", QT_TRANSLATE_NOOP("tracedeck::AboutDialog", "gzip bodies and files"), "Zlib", false},
    {"JSON for Modern C++ (nlohmann/json)", QT_TRANSLATE_NOOP("tracedeck::AboutDialog", "JSON decoding"),
     "MIT", true},
    {"OpenTelemetry protocol definitions (.proto)",
     QT_TRANSLATE_NOOP("tracedeck::AboutDialog", "OTLP messages"), "Apache-2.0", true},
};

} // namespace

QString AboutDialog::librariesHtml()
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    html += QStringLiteral(
                "<tr><th align=\"left\">%1</th><th align=\"left\">%2</th><th align=\"left\">%3</th></tr>")
                .arg(tr("Library"), tr("Used for"), tr("Licence"));
    for (const Library &library : kLibraries)
        html +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3%4</td></tr>")
                .arg(QString::fromUtf8(library.name), tr(library.use), QString::fromLatin1(library.licence),
                     library.compiledIn ? tr(" (compiled in)") : QString());
    html += QStringLiteral("</table>");
    return html;
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Tracedeck"));
    auto *layout = new QVBoxLayout(this);

    auto *header = new QLabel(this);
    header->setTextFormat(Qt::RichText);
    header->setText(
        tr("<h2>Tracedeck %1</h2><p>A local observability workstation for LLM agents and distributed "
           "services.</p><p>Built with Qt %2 (running on Qt %3), %4, for %5.</p>")
            .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion()),
                 QStringLiteral(
#if defined(__clang__)
                     "Clang " __clang_version__
#elif defined(__GNUC__)
                     "GCC " __VERSION__
#else
                     "an unknown compiler"
#endif
                     ),
                 QSysInfo::buildAbi()));
    header->setWordWrap(true);
    auto *icon = new QLabel(this);
    icon->setPixmap(AppIcon::icon().pixmap(64, 64));
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(header, 1);
    layout->addLayout(top);

    auto *libraries = new QTextBrowser(this);
    libraries->setObjectName(QStringLiteral("libraries"));
    libraries->setHtml(QStringLiteral("<p><b>%1</b></p>").arg(tr("Built on these libraries:")) +
                       librariesHtml());
    libraries->setMinimumSize(560, 200);
    layout->addWidget(libraries);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace tracedeck
