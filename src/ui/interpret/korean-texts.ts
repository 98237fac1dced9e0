// The Korean texts of a source file, for the glossary sweep (terms.test.ts): every string,
// template or JSX text that contains Hangul, and every text in a Korean slot even without
// Hangul — a `ko:` property, a `ko`/`KO_…` constant, the Korean table of defineStrings — since
// an untranslated "Check quorum" there has no Hangul to give it away. Used by tests only.

import ts from 'typescript';

export interface KoreanText {
  readonly text: string;
  /** 1-based line of the text in its file. */
  readonly line: number;
}

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;

function isKoreanSlot(node: ts.Node): boolean {
  if (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) {
    const name = node.name;
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text === 'ko' || /^KO_/.test(name.text);
  }
  return false;
}

/** The second argument of `defineStrings(en, ko)`. */
function isKoreanTable(node: ts.Node): boolean {
  const parent = node.parent as ts.Node | undefined;
  return (
    parent !== undefined &&
    ts.isCallExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    parent.expression.text === 'defineStrings' &&
    parent.arguments[1] === node
  );
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  // A placeholder reads as "{}": the words on either side of it stay apart, and "T{}" still shows
  // that a number follows the T (untranslated.ts).
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('{}');
  if (ts.isJsxText(node)) return node.text;
  return undefined;
}

/** Whether a string is a key or a value nobody reads: an import path, a type literal, a property name. */
function isCode(node: ts.Node): boolean {
  const parent = node.parent as ts.Node | undefined;
  if (parent === undefined) return false;
  return (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isLiteralTypeNode(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    ts.isElementAccessExpression(parent) ||
    (ts.isBinaryExpression(parent) &&
      [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
        parent.operatorToken.kind,
      )) ||
    ts.isCaseClause(parent) ||
    // A language code passed along (roleName(role, 'ko')).
    (ts.isCallExpression(parent) && ts.isStringLiteral(node) && /^(ko|en)$/.test(node.text))
  );
}

export function koreanTexts(source: string, fileName: string): KoreanText[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: KoreanText[] = [];
  const visit = (node: ts.Node, inKoreanSlot: boolean): void => {
    const slot = inKoreanSlot || isKoreanSlot(node) || isKoreanTable(node);
    const text = literalText(node);
    if (text !== undefined && !isCode(node) && (HANGUL.test(text) || (slot && /[A-Za-z]/.test(text)))) {
      found.push({ text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
    }
    // A template's spans hold expressions with their own strings.
    node.forEachChild((child) => visit(child, slot));
  };
  visit(file, false);
  return found;
}
