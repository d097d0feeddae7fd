// SPDX-License-Identifier: GPL-3.0-or-later
#include "spdxexpression.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

struct SpdxExpression::Node
{
    enum class Kind { License, And, Or };
    Kind kind = Kind::License;
    QString id;        // License
    QString exception; // License WITH exception
    std::unique_ptr<Node> left;
    std::unique_ptr<Node> right;

    std::unique_ptr<Node> clone() const
    {
        auto copy = std::make_unique<Node>();
        copy->kind = kind;
        copy->id = id;
        copy->exception = exception;
        if (left)
            copy->left = left->clone();
        if (right)
            copy->right = right->clone();
        return copy;
    }

    QString license() const { return exception.isEmpty() ? id : id + u" WITH "_s + exception; }
};

namespace {

using Node = SpdxExpression::Node;

// Recursive descent over a token list: or := and (OR and)*; and := atom (AND atom)*;
// atom := '(' or ')' | ID [WITH ID].
class Parser
{
public:
    explicit Parser(const QStringList &tokens)
        : m_tokens(tokens)
    {
    }

    std::unique_ptr<Node> parse(QString *error)
    {
        auto node = parseOr();
        if (node && m_pos != m_tokens.size())
            fail(SpdxExpression::tr("unexpected \"%1\"").arg(m_tokens.at(m_pos)));
        if (!m_error.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        return node;
    }

private:
    static bool isOperator(const QString &token, const char *op) { return token.compare(QLatin1StringView(op), Qt::CaseInsensitive) == 0; }

    QString peek() const { return m_pos < m_tokens.size() ? m_tokens.at(m_pos) : QString(); }

    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

    std::unique_ptr<Node> binary(Node::Kind kind, std::unique_ptr<Node> left, std::unique_ptr<Node> right)
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    std::unique_ptr<Node> parseOr()
    {
        auto left = parseAnd();
        while (left && (isOperator(peek(), "OR") || peek() == u"/"_s)) {
            ++m_pos;
            auto right = parseAnd();
            if (!right)
                return nullptr;
            left = binary(Node::Kind::Or, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Node> parseAnd()
    {
        auto left = parseAtom();
        while (left && isOperator(peek(), "AND")) {
            ++m_pos;
            auto right = parseAtom();
            if (!right)
                return nullptr;
            left = binary(Node::Kind::And, std::move(left), std::move(right));
        }
        return left;
    }

    std::unique_ptr<Node> parseAtom()
    {
        const QString token = peek();
        if (token.isEmpty()) {
            fail(SpdxExpression::tr("the expression ends where a license was expected"));
            return nullptr;
        }
        if (token == u"("_s) {
            ++m_pos;
            auto inner = parseOr();
            if (!inner)
                return nullptr;
            if (peek() != u")"_s) {
                fail(SpdxExpression::tr("missing \")\""));
                return nullptr;
            }
            ++m_pos;
            return inner;
        }
        if (token == u")"_s || token == u"/"_s || isOperator(token, "AND") || isOperator(token, "OR") || isOperator(token, "WITH")) {
            fail(SpdxExpression::tr("\"%1\" where a license was expected").arg(token));
            return nullptr;
        }
        ++m_pos;
        auto node = std::make_unique<Node>();
        node->id = token;
        if (isOperator(peek(), "WITH")) {
            ++m_pos;
            const QString exception = peek();
            if (exception.isEmpty() || exception == u"("_s || exception == u")"_s || exception == u"/"_s) {
                fail(SpdxExpression::tr("WITH needs an exception identifier after it"));
                return nullptr;
            }
            ++m_pos;
            node->exception = exception;
        }
        return node;
    }

    QStringList m_tokens;
    qsizetype m_pos = 0;
    QString m_error;
};

QStringList tokenize(const QString &text, QString *error)
{
    QStringList tokens;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty())
            tokens << current;
        current.clear();
    };
    for (const QChar c : text) {
        if (c.isSpace()) {
            flush();
        } else if (c == u'(' || c == u')' || c == u'/') {
            flush();
            tokens << QString(c);
        } else if (c.isLetterOrNumber() || c == u'-' || c == u'.' || c == u'+' || c == u':') {
            current += c;
        } else {
            *error = SpdxExpression::tr("unexpected character '%1'").arg(c);
            return {};
        }
    }
    flush();
    return tokens;
}

bool listed(const QStringList &list, const QString &id)
{
    return list.contains(id, Qt::CaseInsensitive);
}

SpdxExpression::Evaluation evaluateNode(const Node &node, const LicenseRules &rules)
{
    using Outcome = SpdxExpression::Outcome;
    if (node.kind == Node::Kind::License) {
        const QString full = node.license();
        // The exception is part of the license: a rule may name "GPL-2.0 WITH Classpath-exception-2.0"
        // on its own; otherwise the base license decides. "GPL-2.0+" falls back to "GPL-2.0".
        QStringList candidates{full};
        if (!node.exception.isEmpty())
            candidates << node.id;
        if (node.id.endsWith(u'+'))
            candidates << node.id.chopped(1);
        for (const QString &candidate : std::as_const(candidates)) {
            if (listed(rules.blocked, candidate))
                return {Outcome::Blocked, SpdxExpression::tr("%1 is blocked").arg(full)};
            if (listed(rules.allowed, candidate))
                return {Outcome::Allowed, SpdxExpression::tr("%1 is allowed").arg(full)};
        }
        return {Outcome::Unknown, SpdxExpression::tr("%1 is neither allowed nor blocked").arg(full)};
    }
    const auto left = evaluateNode(*node.left, rules);
    const auto right = evaluateNode(*node.right, rules);
    const bool isOr = node.kind == Node::Kind::Or;
    // OR: the best side decides; AND: the worst side does. Allowed > Unknown > Blocked.
    auto rank = [](Outcome outcome) { return outcome == Outcome::Allowed ? 2 : outcome == Outcome::Unknown ? 1 : 0; };
    const bool leftDecides = isOr ? rank(left.outcome) >= rank(right.outcome) : rank(left.outcome) <= rank(right.outcome);
    const auto &decider = leftDecides ? left : right;
    if (left.outcome == right.outcome)
        return {left.outcome, SpdxExpression::tr("%1, %2", "two findings on licenses, each a clause").arg(left.reason, right.reason)};
    return decider;
}

QString nodeText(const Node &node, bool nested)
{
    if (node.kind == Node::Kind::License)
        return node.license();
    const QString op = node.kind == Node::Kind::And ? u" AND "_s : u" OR "_s;
    // Parenthesize an OR inside an AND, which is the only place precedence needs it.
    const bool paren = nested && node.kind == Node::Kind::Or;
    const QString text = nodeText(*node.left, node.kind == Node::Kind::And) + op + nodeText(*node.right, node.kind == Node::Kind::And);
    return paren ? u'(' + text + u')' : text;
}

void collect(const Node &node, QStringList *out)
{
    if (node.kind == Node::Kind::License) {
        if (!out->contains(node.license()))
            out->append(node.license());
        return;
    }
    collect(*node.left, out);
    collect(*node.right, out);
}

} // namespace

SpdxExpression::SpdxExpression() = default;
SpdxExpression::SpdxExpression(const SpdxExpression &other)
    : m_root(other.m_root ? other.m_root->clone() : nullptr)
{
}
SpdxExpression &SpdxExpression::operator=(const SpdxExpression &other)
{
    if (this != &other)
        m_root = other.m_root ? other.m_root->clone() : nullptr;
    return *this;
}
SpdxExpression::~SpdxExpression() = default;

std::optional<SpdxExpression> SpdxExpression::parse(const QString &text, QString *error)
{
    QString message;
    const QStringList tokens = tokenize(text, &message);
    if (message.isEmpty() && tokens.isEmpty())
        message = tr("the license expression is empty");
    SpdxExpression expression;
    if (message.isEmpty())
        expression.m_root = Parser(tokens).parse(&message);
    if (!expression.m_root) {
        if (error)
            *error = tr("cannot read the license \"%1\": %2").arg(text, message);
        return std::nullopt;
    }
    return expression;
}

SpdxExpression::Evaluation SpdxExpression::evaluate(const LicenseRules &rules) const
{
    if (!m_root)
        return {Outcome::Unknown, tr("no license")};
    return evaluateNode(*m_root, rules);
}

QStringList SpdxExpression::licenses() const
{
    QStringList out;
    if (m_root)
        collect(*m_root, &out);
    return out;
}

QString SpdxExpression::toString() const
{
    return m_root ? nodeText(*m_root, false) : QString();
}

LicenseVerdict LicenseVerdict::judge(const QString &license, const LicenseRules &rules)
{
    if (!rules.isActive())
        return {true, {}};
    const QString trimmed = license.trimmed();
    if (trimmed.isEmpty())
        return {rules.allowUnknown, rules.allowUnknown ? SpdxExpression::tr("declares no license; unknown licenses pass")
                                                       : SpdxExpression::tr("declares no license, and unknown licenses are not allowed")};
    QString error;
    const auto expression = SpdxExpression::parse(trimmed, &error);
    if (!expression) {
        return {rules.allowUnknown, rules.allowUnknown
                    ? SpdxExpression::tr("%1; unknown licenses pass", "why the license cannot be read").arg(error)
                    : SpdxExpression::tr("%1; unknown licenses are not allowed", "why the license cannot be read").arg(error)};
    }
    const auto evaluation = expression->evaluate(rules);
    switch (evaluation.outcome) {
    case SpdxExpression::Outcome::Allowed:
    case SpdxExpression::Outcome::Blocked:
        return {evaluation.outcome == SpdxExpression::Outcome::Allowed,
                SpdxExpression::tr("license %1: %2", "license expression: findings on its licenses").arg(expression->toString(), evaluation.reason)};
    case SpdxExpression::Outcome::Unknown:
        break;
    }
    return {rules.allowUnknown, rules.allowUnknown
                ? SpdxExpression::tr("license %1: %2; unknown licenses pass").arg(expression->toString(), evaluation.reason)
                : SpdxExpression::tr("license %1: %2; unknown licenses are not allowed").arg(expression->toString(), evaluation.reason)};
}
