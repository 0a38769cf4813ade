#pragma once

#include "preferences.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;

namespace tracedeck {

// Edit ▸ Preferences: listener, storage (database file, retention of the local workspace), redaction rules
// and appearance (language, theme), one page each; other parts add theirs with addPage(). It only shows and
// checks what it is given: app/ stores Preferences in QSettings and the retention through KeyAdminModel when
// applied() is emitted.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    void setPreferences(const Preferences &preferences);
    Preferences preferences() const;
    // The local workspace's retention in days (0 keeps traces forever); nullopt: unknown (control disabled).
    void setRetentionDays(std::optional<int> days);
    std::optional<int> retentionDays() const;
    // Shown in the empty database field: where the store is when none is set.
    void setDefaultDatabasePath(const QString &path);
    // Returns why an address is unusable, or an empty string. Without one every non-empty address passes.
    void setAddressValidator(std::function<QString(const QString &)> validator);

    // Returns what is wrong on a page, or an empty string.
    using PageCheck = std::function<QString()>;
    // Adds a page after the built-in ones; the dialog owns it. apply() refuses while its check finds a
    // problem, shows the page and says what is wrong. Returns its index.
    int addPage(const QString &title, QWidget *page, PageCheck check = {});
    int pageCount() const;
    QString pageTitle(int index) const;
    void showPage(int index);
    int currentPage() const;

    // Checks the values; when they are good emits applied() and returns true, else shows the problem on its
    // page and returns false.
    bool apply();
    QString errorText() const;

    void accept() override;

Q_SIGNALS:
    void applied();

private:
    QWidget *listenerPage();
    QWidget *storagePage();
    QWidget *redactionPage();
    QWidget *appearancePage();
    void chooseDatabase();

    QListWidget *m_pageList;
    QStackedWidget *m_pages;
    QLabel *m_error;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_maxBody = nullptr;
    QLineEdit *m_database = nullptr;
    QSpinBox *m_retention = nullptr;
    QCheckBox *m_redact = nullptr;
    QPlainTextEdit *m_keys = nullptr;
    QCheckBox *m_emails = nullptr;
    QCheckBox *m_phones = nullptr;
    QCheckBox *m_cards = nullptr;
    QCheckBox *m_tokens = nullptr;
    QCheckBox *m_apiKeys = nullptr;
    QCheckBox *m_ssns = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    std::function<QString(const QString &)> m_validateAddress;
    std::vector<std::pair<int, PageCheck>> m_pageChecks;
};

} // namespace tracedeck
