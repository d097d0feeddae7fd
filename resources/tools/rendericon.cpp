// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the application icon's SVG to the PNG sizes the hicolor theme ships:
//   cratedesk_rendericon ICON.svg OUTDIR SIZE...  ->  OUTDIR/SIZExSIZE.png
// Run through the cratedesk_icons target whenever the SVG changes; the PNGs are committed
// so that building CrateDesk never needs Qt Svg at build time.
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: cratedesk_rendericon ICON.svg OUTDIR SIZE...\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "cratedesk_rendericon: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    QDir().mkpath(args.at(2));
    for (const QString &sizeText : args.mid(3)) {
        const int size = sizeText.toInt();
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        const QString file = QStringLiteral("%1/%2x%2.png").arg(args.at(2)).arg(size);
        if (!image.save(file)) {
            std::fprintf(stderr, "cratedesk_rendericon: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
