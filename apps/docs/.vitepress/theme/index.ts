// Theme of the cce site: VitePress's default theme plus the demo's styles.
import DefaultTheme from 'vitepress/theme';
import './custom.css';

export default DefaultTheme;
