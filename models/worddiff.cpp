#include "worddiff.h"

#include <QHash>

#include <dtl/dtl.hpp>

namespace tracedeck {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

void append(std::vector<DiffSegment> &out, DiffSegment::Op op, const QString &text)
{
    if (!out.empty() && out.back().op == op)
        out.back().text += text;
    else
        out.push_back({op, text});
}

} // namespace

std::vector<QString> WordDiff::tokens(const QString &text)
{
    std::vector<QString> result;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        qsizetype j = i + 1;
        const QChar c = text[i];
        if (isWordChar(c)) {
            while (j < n && isWordChar(text[j]))
                ++j;
        } else if (c.isSpace()) {
            while (j < n && text[j].isSpace())
                ++j;
        } else if (c.isHighSurrogate() && j < n) {
            ++j;
        }
        result.push_back(text.mid(i, j - i));
        i = j;
    }
    return result;
}

std::vector<DiffSegment> WordDiff::diff(const QString &left, const QString &right)
{
    const std::vector<QString> a = tokens(left);
    const std::vector<QString> b = tokens(right);
    // Tokens as ids: dtl compares elements many times.
    QHash<QString, int> ids;
    auto idsOf = [&ids](const std::vector<QString> &tokens) {
        std::vector<int> out;
        out.reserve(tokens.size());
        for (const QString &t : tokens) {
            auto it = ids.constFind(t);
            if (it == ids.constEnd())
                it = ids.insert(t, static_cast<int>(ids.size()));
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> ia = idsOf(a);
    const std::vector<int> ib = idsOf(b);
    dtl::Diff<int> d(ia, ib);
    d.compose();

    // Raw edit script as (op, token) in order.
    std::vector<std::pair<DiffSegment::Op, const QString *>> script;
    std::size_t i = 0;
    std::size_t j = 0;
    for (const auto &[id, info] : d.getSes().getSequence()) {
        if (info.type == dtl::SES_COMMON) {
            script.emplace_back(DiffSegment::Common, &a[i++]);
            ++j;
        } else if (info.type == dtl::SES_DELETE) {
            script.emplace_back(DiffSegment::Removed, &a[i++]);
        } else {
            script.emplace_back(DiffSegment::Added, &b[j++]);
        }
    }
    // A common white-space token between two changes becomes part of both sides' change.
    std::vector<DiffSegment> out;
    for (std::size_t k = 0; k < script.size(); ++k) {
        auto [op, token] = script[k];
        if (op == DiffSegment::Common && token->front().isSpace() && k > 0 && k + 1 < script.size() &&
            script[k - 1].first != DiffSegment::Common && script[k + 1].first != DiffSegment::Common) {
            append(out, DiffSegment::Removed, *token);
            out.push_back({DiffSegment::Added, *token});
            continue;
        }
        append(out, op, *token);
    }
    // Removed and Added segments interleave (r a r a); group each changed stretch as all removed, then all
    // added, so each side reads as one block.
    std::vector<DiffSegment> grouped;
    for (std::size_t k = 0; k < out.size();) {
        if (out[k].op == DiffSegment::Common) {
            append(grouped, DiffSegment::Common, out[k].text);
            ++k;
            continue;
        }
        QString removed, added;
        for (; k < out.size() && out[k].op != DiffSegment::Common; ++k)
            (out[k].op == DiffSegment::Removed ? removed : added) += out[k].text;
        if (!removed.isEmpty())
            grouped.push_back({DiffSegment::Removed, removed});
        if (!added.isEmpty())
            grouped.push_back({DiffSegment::Added, added});
    }
    return grouped;
}

} // namespace tracedeck
