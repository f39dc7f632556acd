"""
An agency's SOAP client that is not ours: Python zeep reads the hub's published WSDL unchanged
(GET /ehis/court?wsdl and the schemas it imports), builds each request; a zeep plugin adds the
WS-Security header of the EHİS profile and signs it with the xmlsec1 command line (the agency's
certificate), checks that signature with xmlsec1 too, and checks the hub's signed answer with
xmlsec1 against the hub certificate before zeep reads it.

usage: agency_zeep.py HUB_URL AGENCY_CERT AGENCY_KEY HUB_CERT MEMBER_ID DECISION_ID OTHER_DECISION_ID WORK_DIR
Prints one JSON object.
"""
import base64
import datetime
import json
import os
import subprocess
import sys
import uuid

from lxml import etree
import zeep
from zeep import Plugin
from zeep.exceptions import Fault

url, cert_file, key_file, hub_cert_file, member, decision_id, other_id, work = sys.argv[1:9]
NS_SOAP = 'http://schemas.xmlsoap.org/soap/envelope/'
NS_WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd'
NS_WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd'
NS_DS = 'http://www.w3.org/2000/09/xmldsig#'
NS_XRD = 'http://x-road.eu/xsd/xroad.xsd'
HEADERS = ['client', 'service', 'id', 'userId', 'issue', 'protocolVersion']
ID_ATTRS = []
for n in ['%s:Body' % NS_SOAP, '%s:Timestamp' % NS_WSU] + ['%s:%s' % (NS_XRD, h) for h in HEADERS + ['requestHash']]:
    ID_ATTRS += ['--id-attr:Id', n]
X509 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3'
B64 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary'
report = {'requestSignedByXmlsec1': 0, 'requestCheckedByXmlsec1': 0, 'answersCheckedByXmlsec1': 0}


def xmlsec(args):
    r = subprocess.run(['xmlsec1'] + args, capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def ident(tag, **kw):
    return kw


class XmlsecSigner(Plugin):
    """WS-Security 1.1 §8 with an X.509 token: Body, Timestamp and the six X-Road headers, by wsu:Id."""

    def egress(self, envelope, http_headers, operation, binding_options):
        header = envelope.find('{%s}Header' % NS_SOAP)
        body = envelope.find('{%s}Body' % NS_SOAP)
        refs = []
        for h in HEADERS:
            el = header.find('{%s}%s' % (NS_XRD, h))
            el.set('{%s}Id' % NS_WSU, 'xrd-' + h)
            refs.append('xrd-' + h)
        body.set('{%s}Id' % NS_WSU, 'body')
        refs.append('body')
        now = datetime.datetime.now(datetime.timezone.utc)
        cert = ''.join(l for l in open(cert_file).read().splitlines() if not l.startswith('-----'))
        sec = etree.SubElement(header, '{%s}Security' % NS_WSSE, nsmap={'wsse': NS_WSSE, 'wsu': NS_WSU})
        ts = etree.SubElement(sec, '{%s}Timestamp' % NS_WSU)
        ts.set('{%s}Id' % NS_WSU, 'TS-1')
        etree.SubElement(ts, '{%s}Created' % NS_WSU).text = now.strftime('%Y-%m-%dT%H:%M:%SZ')
        etree.SubElement(ts, '{%s}Expires' % NS_WSU).text = (now + datetime.timedelta(minutes=5)).strftime('%Y-%m-%dT%H:%M:%SZ')
        tok = etree.SubElement(sec, '{%s}BinarySecurityToken' % NS_WSSE, ValueType=X509, EncodingType=B64)
        tok.set('{%s}Id' % NS_WSU, 'X509-1')
        tok.text = cert
        sig = etree.SubElement(sec, '{%s}Signature' % NS_DS, nsmap={'ds': NS_DS})
        si = etree.SubElement(sig, '{%s}SignedInfo' % NS_DS)
        etree.SubElement(si, '{%s}CanonicalizationMethod' % NS_DS, Algorithm='http://www.w3.org/2001/10/xml-exc-c14n#')
        etree.SubElement(si, '{%s}SignatureMethod' % NS_DS, Algorithm='http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256')
        for rid in refs + ['TS-1']:
            ref = etree.SubElement(si, '{%s}Reference' % NS_DS, URI='#' + rid)
            tr = etree.SubElement(ref, '{%s}Transforms' % NS_DS)
            etree.SubElement(tr, '{%s}Transform' % NS_DS, Algorithm='http://www.w3.org/2001/10/xml-exc-c14n#')
            etree.SubElement(ref, '{%s}DigestMethod' % NS_DS, Algorithm='http://www.w3.org/2001/04/xmlenc#sha256')
            etree.SubElement(ref, '{%s}DigestValue' % NS_DS)
        etree.SubElement(sig, '{%s}SignatureValue' % NS_DS)
        ki = etree.SubElement(sig, '{%s}KeyInfo' % NS_DS)
        str_ = etree.SubElement(ki, '{%s}SecurityTokenReference' % NS_WSSE)
        etree.SubElement(str_, '{%s}Reference' % NS_WSSE, URI='#X509-1', ValueType=X509)
        tmpl = os.path.join(work, 'request-template.xml')
        out = os.path.join(work, 'request-signed.xml')
        open(tmpl, 'wb').write(etree.tostring(envelope))
        code, msg = xmlsec(['--sign', '--privkey-pem', key_file, '--output', out] + ID_ATTRS + [tmpl])
        if code != 0:
            raise RuntimeError('xmlsec1 --sign failed: ' + msg)
        report['requestSignedByXmlsec1'] += 1
        code, msg = xmlsec(['--verify', '--pubkey-cert-pem', cert_file] + ID_ATTRS + [out])
        if code == 0:
            report['requestCheckedByXmlsec1'] += 1
        return etree.fromstring(open(out, 'rb').read()), http_headers

    def ingress(self, envelope, http_headers, operation):
        path = os.path.join(work, 'answer.xml')
        open(path, 'wb').write(etree.tostring(envelope))
        code, msg = xmlsec(['--verify', '--pubkey-cert-pem', hub_cert_file] + ID_ATTRS + [path])
        if code != 0:
            raise RuntimeError('the hub answer does not verify with xmlsec1: ' + msg)
        report['answersCheckedByXmlsec1'] += 1
        return envelope, http_headers


inst, mclass, mcode, sub = member.split('/')
client = zeep.Client(url + '/ehis/court?wsdl', plugins=[XmlsecSigner()])
svc = client.create_service('{http://court.gov.az/xroad/agency/v1}courtBinding', url + '/ehis/court')


def headers(op):
    return {
        'client': {'objectType': 'SUBSYSTEM', 'xRoadInstance': inst, 'memberClass': mclass, 'memberCode': mcode, 'subsystemCode': sub},
        'service': {'objectType': 'SERVICE', 'xRoadInstance': 'AZ', 'memberClass': 'GOV', 'memberCode': '1400000001',
                    'subsystemCode': 'court-hub', 'serviceCode': op, 'serviceVersion': 'v1'},
        'id': str(uuid.uuid4()), 'userId': 'AZ-AGENCY-OPERATOR-1', 'issue': 'court-decisions', 'protocolVersion': '4.0',
    }


def body(r):
    return getattr(r, 'body', r)


listed = body(svc.listDecisions(after=0, _soapheaders=headers('listDecisions')))
report['listed'] = [d.decisionId for d in (listed.decision or [])]
report['nextCursor'] = listed.nextCursor
d = body(svc.getDecision(decisionId=decision_id, _soapheaders=headers('getDecision'))).decision
report['decision'] = {
    'decisionId': d.decisionId, 'kind': d.kind, 'actions': list(d.action or []),
    'parties': [{k: v for k, v in {'role': p.role, 'fin': p.fin, 'voen': p.voen, 'name': p.name}.items() if v is not None} for p in (d.party or [])],
    'judgeSignature': base64.b64encode(d.judgeSignature).decode(), 'documentSha256': d.documentSha256,
    'attestation': base64.b64encode(d.attestation).decode(), 'attestedContent': base64.b64encode(d.attestedContent).decode(),
}
try:
    svc.getDecision(decisionId=other_id, _soapheaders=headers('getDecision'))
    report['otherFault'] = None
except Fault as f:
    report['otherFault'] = {'code': f.code, 'detail': [e.text for e in f.detail.iter('{http://court.gov.az/xroad/agency/v1}code')] if f.detail is not None else []}
print(json.dumps(report))
