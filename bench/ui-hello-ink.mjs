// A bare ink hello-world: the baseline of bench/ui-first-frame.mjs.
import { createElement } from 'react';
import { render, Text } from 'ink';

const app = render(createElement(Text, null, 'Hello from ink'));
app.unmount();
