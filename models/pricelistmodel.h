#pragma once

#include "modelprice.h"

#include <QAbstractTableModel>

#include <vector>

namespace tracedeck {

// The model price table as Preferences edits it: one row per model, each cell editable; where each row
// stands against the built-in table (unchanged, changed, added) and which built-in models were taken out.
class PriceListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Model, Provider, Input, Output, CachedInput, Patterns, Origin, ColumnCount };
    enum class RowOrigin { BuiltIn, Changed, Added };

    explicit PriceListModel(QObject *parent = nullptr);

    // rows: the table in use; builtIn: the one compiled in, to tell the rows' origin and to revert to.
    void setRows(std::vector<ModelPrice> rows, std::vector<ModelPrice> builtIn);
    const std::vector<ModelPrice> &rows() const { return m_rows; }
    RowOrigin origin(int row) const;
    // Built-in models not in the rows.
    QStringList removedModels() const;
    bool modified() const { return m_modified; }
    void setModified(bool modified) { m_modified = modified; }

    // A row with no name yet (the editor opens its name for typing); returns its row.
    int addRow();
    void removeModelRow(int row);
    // A changed built-in row back to the built-in prices.
    void revertRow(int row);
    // Every built-in row back, added rows gone.
    void revertAll();

    // What stops the table from being saved (a row without a name, a name used twice), or empty.
    QString problem() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void edited();

private:
    const ModelPrice *builtInOf(const std::string &model) const;
    void changed();

    std::vector<ModelPrice> m_rows;
    std::vector<ModelPrice> m_builtIn;
    bool m_modified = false;
};

} // namespace tracedeck
