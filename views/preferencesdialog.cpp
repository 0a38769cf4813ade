#include "preferencesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tracedeck {

namespace {

QLabel *note(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QWidget *page(QLayout *content, const QString &footnote)
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(content);
    layout->addStretch(1);
    if (!footnote.isEmpty())
        layout->addWidget(note(footnote));
    return w;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_pageList(new QListWidget)
    , m_pages(new QStackedWidget)
    , m_error(new QLabel)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    m_pageList->setObjectName(QStringLiteral("preferencePages"));
    m_pageList->setFixedWidth(170);
    m_pageList->setSpacing(3);
    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    addPage(tr("Listener"), listenerPage());
    addPage(tr("Storage"), storagePage());
    addPage(tr("Redaction"), redactionPage());
    addPage(tr("Appearance"), appearancePage());

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d62728;"));
    m_error->hide();
    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &PreferencesDialog::apply);

    auto *body = new QHBoxLayout;
    body->addWidget(m_pageList);
    body->addWidget(m_pages, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_pageList->setCurrentRow(0);
    resize(720, 480);
}

QWidget *PreferencesDialog::listenerPage()
{
    m_address = new QLineEdit;
    m_address->setObjectName(QStringLiteral("listenAddress"));
    m_address->setPlaceholderText(QStringLiteral("127.0.0.1:4318"));
    m_address->setToolTip(tr("HOST:PORT, e.g. 127.0.0.1:4318 or [::1]:4318. An address other than loopback "
                             "requires an API key on every request."));
    m_maxBody = new QSpinBox;
    m_maxBody->setObjectName(QStringLiteral("maxBodyMb"));
    m_maxBody->setRange(Preferences::kMinBodyMb, Preferences::kMaxBodyMb);
    m_maxBody->setSuffix(tr(" MiB"));
    auto *form = new QFormLayout;
    form->addRow(tr("Listen on:"), m_address);
    form->addRow(tr("Largest request body:"), m_maxBody);
    form->addRow(QString(), note(tr("The limit holds before and after gzip inflation; larger requests get "
                                    "413.")));
    return page(form, tr("Applies when Tracedeck restarts. The command line's --listen and --max-body-mb "
                         "override these."));
}

QWidget *PreferencesDialog::storagePage()
{
    m_database = new QLineEdit;
    m_database->setObjectName(QStringLiteral("databasePath"));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::chooseDatabase);
    auto *databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(browse);
    m_retention = new QSpinBox;
    m_retention->setObjectName(QStringLiteral("retentionDays"));
    m_retention->setRange(0, 36500);
    m_retention->setSuffix(tr(" days"));
    m_retention->setSpecialValueText(tr("Forever"));
    auto *form = new QFormLayout;
    form->addRow(tr("Database file:"), databaseRow);
    form->addRow(QString(), note(tr("Empty: the default location. A new file is created on the next start; "
                                    "the traces of the current one stay there. Applies when Tracedeck "
                                    "restarts; --db overrides it.")));
    form->addRow(tr("Keep local traces for:"), m_retention);
    form->addRow(QString(), note(tr("The retention of the local workspace (other workspaces: Edit ▸ "
                                    "Workspaces & API Keys). Traces are deleted this many days after they "
                                    "were stored or imported; checked every 10 minutes.")));
    return page(form, QString());
}

QWidget *PreferencesDialog::redactionPage()
{
    m_redact = new QCheckBox(tr("Redact secrets and personal data before spans are stored"));
    m_redact->setObjectName(QStringLiteral("redactionEnabled"));
    m_keys = new QPlainTextEdit;
    m_keys->setObjectName(QStringLiteral("redactionKeys"));
    m_keys->setTabChangesFocus(true);
    m_keys->setToolTip(tr("One key per line. A key matches attribute and JSON keys by their last segment, "
                          "as a suffix (access_token) or with one qualifier (email_address)."));
    m_emails = new QCheckBox(tr("E-mail addresses"));
    m_phones = new QCheckBox(tr("Phone numbers"));
    m_cards = new QCheckBox(tr("Payment card numbers"));
    m_tokens = new QCheckBox(tr("Bearer tokens and JWTs"));
    m_apiKeys = new QCheckBox(tr("API keys (sk-…, AKIA…, ghp_…)"));
    m_ssns = new QCheckBox(tr("US social security numbers"));
    auto *patterns = new QVBoxLayout;
    for (QCheckBox *box : {m_emails, m_phones, m_cards, m_tokens, m_apiKeys, m_ssns})
        patterns->addWidget(box);
    auto *form = new QFormLayout;
    form->addRow(m_redact);
    form->addRow(tr("Sensitive keys:"), m_keys);
    form->addRow(tr("Patterns in text:"), patterns);
    connect(m_redact, &QCheckBox::toggled, this, [this](bool on) {
        for (QWidget *w : std::initializer_list<QWidget *>{m_keys, m_emails, m_phones, m_cards, m_tokens,
                                                           m_apiKeys, m_ssns})
            w->setEnabled(on);
    });
    return page(form, tr("Applies to spans received or imported after Tracedeck restarts; stored spans are "
                         "not changed. A workspace can turn redaction off (Workspaces & API Keys)."));
}

QWidget *PreferencesDialog::appearancePage()
{
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), QString());
    // Each language in its own name, so it can be found whatever the current one.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_theme = new QComboBox;
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("Follow the system"), int(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), int(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Preferences::Theme::Dark));
    auto *form = new QFormLayout;
    form->addRow(tr("Language:"), m_language);
    form->addRow(QString(), note(tr("A new language applies when Tracedeck restarts.")));
    form->addRow(tr("Theme:"), m_theme);
    form->addRow(QString(), note(tr("The theme applies at once.")));
    return page(form, QString());
}

void PreferencesDialog::chooseDatabase()
{
    const QString start = m_database->text().isEmpty() ? m_database->placeholderText() : m_database->text();
    const QString path = QFileDialog::getSaveFileName(this, tr("Database File"), start,
                                                      tr("SQLite databases (*.db *.sqlite);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_database->setText(path);
}

void PreferencesDialog::setPreferences(const Preferences &p)
{
    m_address->setText(p.listenAddress);
    m_maxBody->setValue(p.maxBodyMb);
    m_database->setText(p.databasePath);
    m_redact->setChecked(p.redaction.enabled);
    m_keys->setPlainText(p.redaction.keys.join(u'\n'));
    m_emails->setChecked(p.redaction.emails);
    m_phones->setChecked(p.redaction.phones);
    m_cards->setChecked(p.redaction.cards);
    m_tokens->setChecked(p.redaction.tokens);
    m_apiKeys->setChecked(p.redaction.apiKeys);
    m_ssns->setChecked(p.redaction.ssns);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_keys, m_emails, m_phones, m_cards, m_tokens, m_apiKeys, m_ssns})
        w->setEnabled(p.redaction.enabled);
    m_language->setCurrentIndex(std::max(0, m_language->findData(p.language)));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(int(p.theme))));
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.listenAddress = m_address->text().trimmed();
    p.maxBodyMb = m_maxBody->value();
    p.databasePath = m_database->text().trimmed();
    p.redaction.enabled = m_redact->isChecked();
    p.redaction.keys.clear();
    for (const QString &line : m_keys->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            p.redaction.keys.push_back(line.trimmed());
    }
    p.redaction.emails = m_emails->isChecked();
    p.redaction.phones = m_phones->isChecked();
    p.redaction.cards = m_cards->isChecked();
    p.redaction.tokens = m_tokens->isChecked();
    p.redaction.apiKeys = m_apiKeys->isChecked();
    p.redaction.ssns = m_ssns->isChecked();
    p.language = m_language->currentData().toString();
    p.theme = Preferences::Theme(m_theme->currentData().toInt());
    return p;
}

void PreferencesDialog::setRetentionDays(std::optional<int> days)
{
    m_retention->setEnabled(days.has_value());
    m_retention->setValue(days ? std::max(0, *days) : 0);
}

std::optional<int> PreferencesDialog::retentionDays() const
{
    if (!m_retention->isEnabled())
        return std::nullopt;
    return m_retention->value();
}

void PreferencesDialog::setDefaultDatabasePath(const QString &path)
{
    m_database->setPlaceholderText(path);
}

void PreferencesDialog::setAddressValidator(std::function<QString(const QString &)> validator)
{
    m_validateAddress = std::move(validator);
}

int PreferencesDialog::addPage(const QString &title, QWidget *widget, PageCheck check)
{
    m_pageList->addItem(title);
    const int index = m_pages->addWidget(widget);
    if (check)
        m_pageChecks.emplace_back(index, std::move(check));
    return index;
}

int PreferencesDialog::pageCount() const
{
    return m_pages->count();
}

QString PreferencesDialog::pageTitle(int index) const
{
    const QListWidgetItem *item = m_pageList->item(index);
    return item ? item->text() : QString();
}

void PreferencesDialog::showPage(int index)
{
    m_pageList->setCurrentRow(index);
}

int PreferencesDialog::currentPage() const
{
    return m_pages->currentIndex();
}

QString PreferencesDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool PreferencesDialog::apply()
{
    const QString address = m_address->text().trimmed();
    QString problem;
    if (address.isEmpty())
        problem = tr("give an address as HOST:PORT");
    else if (m_validateAddress)
        problem = m_validateAddress(address);
    if (!problem.isEmpty()) {
        m_error->setText(tr("Listen on: %1").arg(problem));
        m_error->show();
        showPage(0);
        m_address->setFocus();
        return false;
    }
    for (const auto &[index, check] : m_pageChecks) {
        if (const QString pageProblem = check(); !pageProblem.isEmpty()) {
            m_error->setText(tr("%1: %2").arg(pageTitle(index), pageProblem));
            m_error->show();
            showPage(index);
            return false;
        }
    }
    m_error->hide();
    Q_EMIT applied();
    return true;
}

void PreferencesDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace tracedeck
