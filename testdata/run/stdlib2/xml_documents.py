# needs: stdlib
# XML through pyexpat: ElementTree parsing (namespaces, DOCTYPE, CDATA, entities, iterparse, pull parsing, parse errors), minidom, SAX and plistlib
import xml.etree.ElementTree as ET, io
doc = '''<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE catalog SYSTEM "catalog.dtd">
<!-- the catalog -->
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <book id="b1" x:rating="5">
    <title>Dune &amp; more</title>
    <price currency="USD">9.99</price>
    <?render bold?>
  </book>
  <book id="b2"><title><![CDATA[<raw> text]]></title><price>12</price></book>
</catalog>'''
root = ET.fromstring(doc)
ns = {'b': 'urn:books', 'x': 'urn:extra'}
print(root.tag, root.attrib, len(root), [b.get('id') for b in root.findall('b:book', ns)], root.find('b:book/b:title', ns).text)
print([(e.tag, (e.text or '').strip()) for e in root.iter()][:8])
print(root.find('b:book', ns).attrib, root.findtext('b:book[@id="b2"]/b:title', namespaces=ns))
print(ET.tostring(root, encoding='unicode')[:200])
tree = ET.parse(io.StringIO(doc)); print(tree.getroot().tag, tree.docinfo if hasattr(tree, 'docinfo') else '')
for ev, el in ET.iterparse(io.BytesIO(doc.encode()), events=('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi')):
    print(ev, el if isinstance(el, (str, tuple)) or el is None else getattr(el.tag, '__name__', el.tag))
p = ET.XMLPullParser(events=('start', 'end')); p.feed('<a><b>t'); print([(e, x.tag) for e, x in p.read_events()]); p.feed('</b></a>'); print([(e, x.tag) for e, x in p.read_events()]); p.close()
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True); pr = ET.XMLParser(target=tb); pr.feed('<r><!--c--><?p d?>x</r>'); r = pr.close(); print([c.tag.__name__ for c in r], ET.tostring(r))
for bad in ['<a><b></a>', '<a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html>&nbsp;</html>', 'junk', '<a></a><b/>', '<p:a/>']:
    try: ET.fromstring(bad); print('ok?')
    except ET.ParseError as e: print(type(e).__name__, e, e.code, e.position)
parser = ET.XMLParser(); parser.entity['nbsp'] = '\u00a0'
print(repr(ET.fromstring('<!DOCTYPE html PUBLIC "x" "y"><html>a&nbsp;b</html>', parser=parser).text))
class Target:
    def __init__(self): self.ev = []
    def start(self, tag, attrib): self.ev.append(('start', tag, attrib))
    def end(self, tag): self.ev.append(('end', tag))
    def data(self, d): self.ev.append(('data', d))
    def doctype(self, name, pubid, system): self.ev.append(('doctype', name, pubid, system))
    def close(self): return self.ev
print(ET.XMLParser(target=Target()).feed('<!DOCTYPE note PUBLIC "-//x//EN" "note.dtd"><note a="1">hi</note>') or 'fed')
t = Target(); xp = ET.XMLParser(target=t); xp.feed('<!DOCTYPE note PUBLIC "-//x//EN" "note.dtd"><note a="1">hi</note>'); print(xp.close())
e = ET.Element('root'); ET.SubElement(e, 'k', a='1').text = 'v'; ET.indent(e); print(ET.tostring(e, xml_declaration=True, encoding='utf-8'))
print(ET.canonicalize('<a  b="2" a="1"><c/></a>'))
from xml.dom import minidom, pulldom
import xml.sax, xml.sax.handler, io, plistlib, datetime
doc = minidom.parseString('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e "ent">]>\n<r xmlns:p="urn:p" a="1"><p:c p:x="y">text &e; &amp; <![CDATA[cd]]></p:c><!--cm--><?pi v?><e/></r>')
print(doc.documentElement.tagName, doc.documentElement.getAttribute('a'), doc.doctype.name if doc.doctype else None)
c = doc.getElementsByTagName('p:c')[0]; print(c.namespaceURI, c.localName, c.prefix, c.getAttributeNS('urn:p', 'x'), [n.nodeType for n in c.childNodes], c.firstChild.data)
print(doc.toxml()); print(doc.toprettyxml(indent='  ')[:300])
events = []
for ev, node in pulldom.parseString('<a><b x="1">t</b></a>'):
    events.append((ev, getattr(node, 'tagName', getattr(node, 'data', None))))
print(events)
class H(xml.sax.handler.ContentHandler):
    def __init__(self): self.ev = []
    def startElement(self, name, attrs): self.ev.append(('start', name, dict(attrs)))
    def endElement(self, name): self.ev.append(('end', name))
    def characters(self, content): self.ev.append(('chars', content))
    def processingInstruction(self, target, data): self.ev.append(('pi', target, data))
h = H(); xml.sax.parseString(b'<?xml version="1.0"?><doc a="1">hi<x/><?p d?></doc>', h); print(h.ev)
class NH(xml.sax.handler.ContentHandler):
    def __init__(self): self.ev = []
    def startElementNS(self, name, qname, attrs): self.ev.append(('start', name, qname, dict(attrs)))
    def endElementNS(self, name, qname): self.ev.append(('end', name, qname))
    def startPrefixMapping(self, prefix, uri): self.ev.append(('map', prefix, uri))
p = xml.sax.make_parser(); p.setFeature(xml.sax.handler.feature_namespaces, True); nh = NH(); p.setContentHandler(nh); p.parse(io.BytesIO(b'<r xmlns="urn:d" xmlns:q="urn:q"><q:i q:a="1"/></r>')); print(nh.ev)
try: xml.sax.parseString(b'<a><b></a>', xml.sax.handler.ContentHandler())
except xml.sax.SAXParseException as e: print('SAX', e, e.getLineNumber(), e.getColumnNumber())
pl = plistlib.dumps({'name': 'x', 'n': 3, 'f': 1.5, 'l': [True, False], 'd': datetime.datetime(2020, 1, 2, 3, 4, 5), 'b': b'\x00\x01'})
print(pl.decode()[:200]); print(plistlib.loads(pl))
print(minidom.parseString('<a>é&#233;</a>').documentElement.firstChild.data, minidom.parseString(b'<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>').documentElement.firstChild.data)
try: minidom.parseString('<a><b></a>')
except Exception as e: print(type(e).__name__, e)
