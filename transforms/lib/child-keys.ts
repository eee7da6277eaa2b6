const CALL_ORDER = ['callee', 'typeParameters', 'typeArguments', 'arguments'];
const CLASS_ORDER = ['decorators', 'id', 'typeParameters', 'superClass', 'superTypeParameters', 'mixins', 'implements', 'body'];
const METHOD_ORDER = ['decorators', 'key', 'typeParameters', 'params', 'returnType', 'body'];
const PROPERTY_ORDER = ['decorators', 'variance', 'key', 'typeAnnotation', 'value'];
const FUNCTION_ORDER = ['id', 'key', 'typeParameters', 'params', 'returnType', 'predicate', 'body'];

const LEAF: readonly string[] = [];
const BINARY = ['left', 'right'];
const MEMBER = ['object', 'property'];
const BRANCHES = ['test', 'consequent', 'alternate'];

/**
 * Child keys in source order (Babel's visitor keys), for the node types that make up most of a tree and those
 * whose fields Babel does not build in source order (decorators, type arguments). Other types: their own keys.
 * Walking these instead of `Object.keys` skips a node's many scalar fields (type, start, end, loc, extra, comments);
 * the file index walks this way (the project index's summaries read that index).
 */
export const CHILD_KEYS: Readonly<Record<string, readonly string[]>> = {
  Identifier: ['decorators', 'typeAnnotation'],
  StringLiteral: LEAF,
  NumericLiteral: LEAF,
  BooleanLiteral: LEAF,
  NullLiteral: LEAF,
  ThisExpression: LEAF,
  TemplateElement: LEAF,
  TSStringKeyword: LEAF,
  TSNumberKeyword: LEAF,
  TSBooleanKeyword: LEAF,
  TSUnknownKeyword: LEAF,
  TSAnyKeyword: LEAF,
  MemberExpression: MEMBER,
  OptionalMemberExpression: MEMBER,
  CallExpression: CALL_ORDER,
  OptionalCallExpression: CALL_ORDER,
  NewExpression: CALL_ORDER,
  ObjectProperty: ['decorators', 'key', 'value'],
  ObjectExpression: ['properties'],
  ArrayExpression: ['elements'],
  ExpressionStatement: ['expression'],
  VariableDeclaration: ['declarations'],
  VariableDeclarator: ['id', 'init'],
  BlockStatement: ['directives', 'body'],
  ReturnStatement: ['argument'],
  AwaitExpression: ['argument'],
  UnaryExpression: ['argument'],
  SpreadElement: ['argument'],
  ThrowStatement: ['argument'],
  BinaryExpression: BINARY,
  LogicalExpression: BINARY,
  AssignmentExpression: BINARY,
  TSQualifiedName: BINARY,
  IfStatement: BRANCHES,
  ConditionalExpression: BRANCHES,
  TemplateLiteral: ['quasis', 'expressions'],
  ImportSpecifier: ['imported', 'local'],
  TSAsExpression: ['expression', 'typeAnnotation'],
  TSTypeAnnotation: ['typeAnnotation'],
  TSTypeReference: ['typeName', 'typeParameters'],
  TSTypeParameterInstantiation: ['params'],
  TSPropertySignature: ['key', 'typeAnnotation'],
  TSUnionType: ['types'],
  TSArrayType: ['elementType'],
  JSXElement: ['openingElement', 'children', 'closingElement'],
  JSXFragment: ['openingFragment', 'children', 'closingFragment'],
  SwitchCase: ['test', 'consequent'],
  ClassDeclaration: CLASS_ORDER,
  ClassExpression: CLASS_ORDER,
  FunctionDeclaration: FUNCTION_ORDER,
  FunctionExpression: FUNCTION_ORDER,
  ArrowFunctionExpression: FUNCTION_ORDER,
  TSDeclareFunction: FUNCTION_ORDER,
  ObjectMethod: METHOD_ORDER,
  ClassMethod: METHOD_ORDER,
  ClassPrivateMethod: METHOD_ORDER,
  TSDeclareMethod: METHOD_ORDER,
  ClassProperty: PROPERTY_ORDER,
  ClassPrivateProperty: PROPERTY_ORDER,
  ClassAccessorProperty: PROPERTY_ORDER,
};

