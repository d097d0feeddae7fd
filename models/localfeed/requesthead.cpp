// SPDX-License-Identifier: GPL-3.0-or-later
#include "requesthead.h"

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool hasControlChar(QByteArrayView text)
{
    for (const char c : text)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
            return true;
    return false;
}

RequestHead failed(int status, const char *detail)
{
    RequestHead head;
    head.errorStatus = status;
    head.errorDetail = detail;
    return head;
}

bool listContains(const QByteArray &value, QByteArrayView token)
{
    for (const QByteArray &part : value.split(','))
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

QByteArray RequestHead::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

QByteArray RequestHead::query() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? QByteArray() : target.mid(query + 1);
}

QByteArray RequestHead::field(QByteArrayView name) const
{
    for (const auto &[fieldName, value] : fields) {
        if (QByteArrayView(fieldName).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray RequestHead::serialized(qint64 bodyLength) const
{
    QByteArray out;
    out.reserve(target.size() + 64 + fields.size() * 48);
    out += method + ' ' + target + " HTTP/1.1\r\n";
    for (const auto &[name, value] : fields)
        out += name + ": " + value + "\r\n";
    if (bodyLength > 0)
        out += "Content-Length: " + QByteArray::number(bodyLength) + "\r\n";
    out += "\r\n";
    return out;
}

RequestHead RequestHead::parse(const QByteArray &head, const ConnectionLimits &limits)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r'))
            return failed(400, "a bare CR in the request head");
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return failed(400, "an empty request");

    const QByteArray &requestLine = lines.constFirst();
    if (requestLine.size() > limits.maxRequestLineBytes)
        return failed(414, "the request line is too long");
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)))
        return failed(400, "the request line is not METHOD TARGET HTTP/1.1");
    RequestHead result;
    result.method = parts.at(0);
    result.target = parts.at(1);
    if (!result.target.startsWith('/') || hasControlChar(result.target) || result.target.contains('\t'))
        return failed(400, "the request target must be a path starting with /");
    if (parts.at(2) == "HTTP/1.0")
        result.http10 = true;
    else if (parts.at(2) != "HTTP/1.1")
        return failed(505, "only HTTP/1.1 and HTTP/1.0 are spoken here");

    if (lines.size() - 1 > limits.maxHeaderFields)
        return failed(431, "too many header fields");
    bool haveLength = false;
    bool haveEncoding = false;
    QByteArray connection;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return failed(400, "obsolete line folding in a header field");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return failed(400, "a header line is not NAME: VALUE");
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (hasControlChar(value))
            return failed(400, "a control character in a header value");
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (haveLength || !ok || length < 0 || value.size() > 18 || value.startsWith('+'))
                return failed(400, "Content-Length must be one decimal number");
            haveLength = true;
            result.contentLength = length;
            continue;
        }
        if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            if (haveEncoding || value.compare("chunked", Qt::CaseInsensitive) != 0)
                return failed(501, "the only transfer coding accepted is chunked");
            haveEncoding = true;
            result.chunked = true;
            continue;
        }
        if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                return failed(417, "the only expectation met is 100-continue");
            result.expectContinue = true;
            continue;
        }
        if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            connection += value + ',';
            continue;
        }
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            result.authorization = value;
        result.fields.append({name, value});
    }
    if (haveLength && haveEncoding)
        return failed(400, "Content-Length and Transfer-Encoding together");
    if (result.chunked && result.http10)
        return failed(400, "chunked bodies need HTTP/1.1");
    result.closeAfter = listContains(connection, "close") || (result.http10 && !listContains(connection, "keep-alive"));
    return result;
}
