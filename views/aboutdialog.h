#pragma once

#include <QDialog>

namespace tracedeck {

// Help ▸ About: the version and build, and the libraries Tracedeck is built on with their licences.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The text of the libraries section (shown in the dialog; tested).
    static QString librariesHtml();
};

} // namespace tracedeck
