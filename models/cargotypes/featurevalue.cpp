// SPDX-License-Identifier: GPL-3.0-or-later
#include "featurevalue.h"

using namespace Qt::Literals::StringLiterals;

FeatureValue::View FeatureValue::parseView(QStringView text)
{
    View value;
    // cargo splits at the first '/', before looking for "dep:": "dep:x/f" is a DepFeature whose
    // dependency is literally "dep:x", which its validator then rejects.
    if (const qsizetype slash = text.indexOf(u'/'); slash >= 0) {
        value.type = Type::DepFeature;
        value.name = text.left(slash);
        if (value.name.endsWith(u'?')) {
            value.weak = true;
            value.name.chop(1);
        }
        value.depFeature = text.mid(slash + 1);
        return value;
    }
    if (text.startsWith(u"dep:")) {
        value.type = Type::Dep;
        value.name = text.mid(4);
        return value;
    }
    value.name = text;
    return value;
}

FeatureValue FeatureValue::parse(QStringView text)
{
    const View view = parseView(text);
    return {view.type, view.name.toString(), view.depFeature.toString(), view.weak};
}

QString FeatureValue::toString() const
{
    switch (type) {
    case Type::Feature:
        return name;
    case Type::Dep:
        return u"dep:"_s + name;
    case Type::DepFeature:
        return name + (weak ? u"?/"_s : u"/"_s) + depFeature;
    }
    return name;
}
