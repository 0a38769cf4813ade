#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace tracedeck {

class PriceListModel;

// The Pricing page of Preferences: the model price table (USD per 1M input, output and cached input tokens;
// patterns for other names of a model) to view, filter, edit, add to, take from and revert to the built-in
// prices. It only edits its PriceListModel: app/ fills it, saves it and recomputes costs.
class PricingEditor : public QWidget {
    Q_OBJECT
public:
    explicit PricingEditor(QWidget *parent = nullptr);

    PriceListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filter() const { return m_filter; }
    // The built-in table's date and where the user's changes are kept, for the explanation at the top.
    void setSource(const QString &builtInDate, const QString &overridesPath);
    QString summaryText() const;

    void addModel();
    void removeSelected();
    void revertSelected();

private:
    int sourceRow(const QModelIndex &proxyIndex) const;
    void updateState();

    PriceListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_source;
    QLineEdit *m_filter;
    QTableView *m_table;
    QPushButton *m_remove;
    QPushButton *m_revert;
    QLabel *m_summary;
};

} // namespace tracedeck
