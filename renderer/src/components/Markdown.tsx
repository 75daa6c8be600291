// Markdown from records and notes: rendered by react-markdown without raw HTML — any HTML in the text is
// shown as the text it is, never interpreted.
import ReactMarkdown from 'react-markdown';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** A remark plugin: raw HTML nodes become plain text nodes. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[htmlAsText]} skipHtml={false}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
